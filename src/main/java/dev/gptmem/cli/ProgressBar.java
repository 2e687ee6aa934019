package dev.gptmem.cli;

import dev.gptmem.core.HomeWriter;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryWriter;
import dev.gptmem.core.ProfileInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * One line on standard error, redrawn in place at most ten times a second: what is being done,
 * a bar, done/total, percent and rate. It appears only once the work has taken longer than a delay,
 * so a quick command prints no progress at all. Made only when standard error is a terminal, so
 * this class is never loaded by a command whose messages go to a file or pipe.
 */
final class ProgressBar {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 20;

    private final PrintWriter err;
    private final boolean bytes;
    private final long delayNanos;
    private String what;
    private long total;
    private long done;
    private long started;
    private long drawn;
    private int width;
    /** A line is drawn and not yet ended. */
    private boolean open;

    /**
     * @param bytes counts bytes (shown in MB) rather than memories
     * @param delay how long the work runs before the line appears
     */
    private ProgressBar(PrintWriter err, boolean bytes, Duration delay) {
        this.err = err;
        this.bytes = bytes;
        this.delayNanos = delay.toNanos();
    }

    /** Starts a new line of progress; {@code total} is negative when unknown. */
    void start(String what, long total) {
        this.what = what;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        if (delayNanos == 0) {
            draw();
        }
    }

    void advance(long by) {
        done += by;
        long now = System.nanoTime();
        if (now - started >= delayNanos && now - drawn >= REDRAW_NANOS) {
            draw();
        }
    }

    /** Draws the final state of a line already shown and ends it, so the messages that follow start on their own. */
    void finish() {
        if (open) {
            draw();
            end();
        }
    }

    /** Ends a line left unfinished by a failure, so the error starts a line of its own. */
    void end() {
        if (open) {
            open = false;
            err.print('\n');
            err.flush();
        }
    }

    private void draw() {
        drawn = System.nanoTime();
        StringBuilder line = new StringBuilder(what).append("  ");
        if (total > 0) {
            int filled = (int) Math.min(BAR, done * BAR / total);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("]  ")
                    .append(amount(done)).append('/').append(amount(total)).append(bytes ? " MB" : "")
                    .append("  ").append(Math.min(100, done * 100 / total)).append('%');
        } else {
            line.append(amount(done)).append(bytes ? " MB" : "");
        }
        double seconds = (drawn - started) / 1e9;
        if (seconds >= 0.5) {
            line.append("  ").append(amount((long) (done / seconds))).append(bytes ? " MB/s" : "/s");
        }
        // Spaces over whatever a longer line before this one left on the screen.
        String text = line.toString();
        String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
        width = text.length();
        err.print("\r" + padded);
        err.flush();
        open = true;
    }

    private String amount(long n) {
        return bytes ? String.format(Locale.ROOT, "%.1f", n / 1e6) : String.format(Locale.ROOT, "%,d", n);
    }

    /** Counts the memories written, one line per profile. */
    static MemoryWriter exporting(MemoryWriter writer, PrintWriter err, Duration delay) {
        return counting(writer, new ProgressBar(err, false, delay));
    }

    /** As {@link #exporting}, for each profile of a backup. */
    static HomeWriter exporting(HomeWriter writer, PrintWriter err, Duration delay) {
        ProgressBar bar = new ProgressBar(err, false, delay);
        return new HomeWriter() {
            @Override
            public void begin() {
                writer.begin();
            }

            @Override
            public MemoryWriter profile() {
                return counting(writer.profile(), bar);
            }

            @Override
            public void end() {
                writer.end();
            }

            @Override
            public void close() {
                bar.end();
                writer.close();
            }
        };
    }

    private static MemoryWriter counting(MemoryWriter writer, ProgressBar bar) {
        return new MemoryWriter() {
            @Override
            public void begin(ProfileInfo profile) {
                bar.start("exporting " + profile.name(), profile.memories());
                writer.begin(profile);
            }

            @Override
            public boolean needsCount() {
                return true;
            }

            @Override
            public void write(Memory memory) {
                writer.write(memory);
                bar.advance(1);
            }

            @Override
            public void end() {
                writer.end();
                bar.finish();
            }

            @Override
            public void close() {
                bar.end();
                writer.close();
            }
        };
    }

    /** Counts the bytes read from {@code in}, of {@code size} (negative when unknown). */
    static InputStream reading(InputStream in, long size, String what, PrintWriter err, Duration delay) {
        ProgressBar bar = new ProgressBar(err, true, delay);
        bar.start(what, size);
        return new FilterInputStream(in) {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(n);
                return n;
            }

            @Override
            public void close() throws IOException {
                count(-1); // after a failure, the error must start a line of its own
                super.close();
            }

            private void count(int n) {
                if (n > 0) {
                    bar.advance(n);
                } else if (n < 0 && !finished) {
                    finished = true;
                    bar.finish();
                }
            }
        };
    }
}
