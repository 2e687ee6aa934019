package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the packaged gptmem jar in a separate JVM, the way a shell script runs it: arguments,
 * standard input, environment in; exit code, standard output and standard error out.
 *
 * <p>Every process sees {@code GPTMEM_HOME} set to this harness's home and {@code NO_COLOR} set,
 * and none of the caller's other {@code GPTMEM_*} or {@code XDG_DATA_HOME} variables, so a test
 * can never touch a real gptmem home.
 */
final class GptmemProcess {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ESCAPES = Pattern.compile("\u001B(\\[[0-9;?$]*[A-Za-z]|[=>])");

    /**
     * Start-up dominates a short command; C1-only compilation and the serial collector roughly
     * halve it on small machines without changing what the program does.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Path home;
    private final Path workDir;

    /** @param home the gptmem home every command of this harness uses; it need not exist yet */
    GptmemProcess(Path home) {
        this.home = home;
        this.workDir = Path.of(System.getProperty("java.io.tmpdir"));
    }

    Path home() {
        return home;
    }

    static Path jar() {
        String jar = System.getProperty("gptmem.jar");
        assertThat(jar).as("system property gptmem.jar (set by failsafe after 'package')").isNotBlank();
        Path path = Path.of(jar);
        assertThat(path).as("the packaged gptmem jar").isRegularFile();
        return path;
    }

    /** Runs {@code gptmem ARGS} with empty standard input and waits for it. */
    Result run(String... args) {
        return call(args).run();
    }

    Call call(String... args) {
        return new Call(args);
    }

    /**
     * Runs {@code first | second}: the first one's standard output is the second one's standard
     * input, through an OS pipe, as in a shell pipeline.
     */
    static List<Result> pipe(Call first, Call second) {
        try {
            ProcessBuilder left = first.builder();
            ProcessBuilder right = second.builder();
            left.redirectOutput(ProcessBuilder.Redirect.PIPE);
            right.redirectInput(ProcessBuilder.Redirect.PIPE);
            long started = System.nanoTime();
            List<Process> processes = ProcessBuilder.startPipeline(List.of(left, right));
            Process a = processes.get(0);
            Process b = processes.get(1);
            a.getOutputStream().close();
            Drain aErr = Drain.start(a.getErrorStream(), "pipe-left-stderr");
            Drain bOut = Drain.start(b.getInputStream(), "pipe-right-stdout");
            Drain bErr = Drain.start(b.getErrorStream(), "pipe-right-stderr");
            Duration timeout = first.timeout.compareTo(second.timeout) > 0 ? first.timeout : second.timeout;
            int aCode = waitOrKill(a, timeout, first.args, aErr);
            int bCode = waitOrKill(b, timeout, second.args, bErr);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return List.of(new Result(aCode, "", aErr.text(), took), new Result(bCode, bOut.text(), bErr.text(), took));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitOrKill(Process process, Duration timeout, List<String> args, Drain stderr) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new AssertionError("gptmem " + args + " did not finish within " + timeout
                        + "; stderr so far:\n" + stderr.text());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for gptmem " + args, e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One command line to run: its arguments, input, environment, JVM options and time limit. */
    final class Call {
        private final List<String> args;
        private final Map<String, String> env = new HashMap<>();
        private List<String> jvmOptions = QUICK_START;
        private byte[] stdin = new byte[0];
        private Path stdinFile;
        private Path stdoutFile;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean onTerminal;
        private int fileBlocks;
        private Stdout stdoutEnd = Stdout.KEPT;

        private Call(String... args) {
            this.args = List.of(args);
        }

        Call stdin(String text) {
            return stdin(text.getBytes(StandardCharsets.UTF_8));
        }

        Call stdin(byte[] bytes) {
            this.stdin = bytes.clone();
            this.stdinFile = null;
            return this;
        }

        Call stdinFrom(Path file) {
            this.stdinFile = file;
            return this;
        }

        /** Sends standard output to a file instead of keeping it in memory (for big outputs). */
        Call stdoutTo(Path file) {
            this.stdoutFile = file;
            return this;
        }

        /**
         * Closes the reading end of standard output's pipe as soon as the command starts, as
         * {@code | head} does once it has read enough.
         */
        Call stdoutReaderGone() {
            this.stdoutEnd = Stdout.READER_GONE;
            return this;
        }

        /**
         * Lets no file the command writes grow past {@code blocks} blocks ({@code ulimit -f}: 512
         * or 1,024 bytes each, as the shell counts): its writes then fail as on a full disk.
         */
        Call fileSizeLimit(int blocks) {
            this.fileBlocks = blocks;
            return this;
        }

        /**
         * Leaves standard output unread until {@link Running#readStdout()}: once its pipe is full,
         * the command blocks writing, as under a reader that has stopped reading.
         */
        Call stdoutUnread() {
            this.stdoutEnd = Stdout.UNREAD;
            return this;
        }

        /** Starts the command with its standard output closed, as {@code >&-} does in a shell. */
        Call stdoutClosed() {
            this.stdoutEnd = Stdout.CLOSED;
            return this;
        }

        /** Sets a variable, or with {@code null} removes it. */
        Call env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Replaces the default JVM options; with none, it is exactly {@code java -jar gptmem.jar …}. */
        Call jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        /**
         * Runs the command on a pseudo-terminal of 100 x 40, as a person's terminal would, through
         * util-linux's {@code script}: what the test writes is typed, and stdout is the screen.
         * Ctrl-C ("\u0003") interrupts, as on a person's terminal, even where the tests were
         * started with SIGINT ignored (as a background job of a script is), which the program
         * would inherit.
         */
        Call onTerminal() {
            this.onTerminal = true;
            return this;
        }

        Call timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** Starts the command, feeds it its standard input and waits for it to finish. */
        Result run() {
            try (Running running = start(stdinFile == null)) {
                if (stdinFile == null) {
                    running.write(stdin);
                    running.closeStdin();
                }
                return running.await(timeout);
            }
        }

        /** Starts the command and leaves its standard input open for the test to write to. */
        Running start() {
            return start(true);
        }

        private Running start(boolean pipeStdin) {
            try {
                ProcessBuilder builder = builder();
                if (!pipeStdin) {
                    builder.redirectInput(stdinFile.toFile());
                }
                if (stdoutFile != null) {
                    builder.redirectOutput(stdoutFile.toFile());
                }
                Process process = builder.start();
                if (stdoutEnd == Stdout.READER_GONE) {
                    process.getInputStream().close();
                }
                Running running = new Running(args, process);
                if (stdoutFile == null && stdoutEnd == Stdout.KEPT) {
                    running.readStdout();
                }
                return running;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start gptmem " + args, e);
            }
        }

        private ProcessBuilder builder() {
            List<String> command = new ArrayList<>();
            command.add(JAVA.toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar().toString());
            command.addAll(args);
            if (stdoutEnd == Stdout.CLOSED) {
                List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" >&-", "sh"));
                wrapped.addAll(command);
                command = wrapped;
            }
            if (fileBlocks > 0) {
                List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "ulimit -f " + fileBlocks + "; exec \"$@\"", "sh"));
                wrapped.addAll(command);
                command = wrapped;
            }
            if (onTerminal) {
                String quoted = command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                        .collect(Collectors.joining(" "));
                command = List.of("script", "-qfec",
                        "stty cols 100 rows 40; exec env --default-signal=INT " + quoted, "/dev/null");
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("GPTMEM_") || name.equals("XDG_DATA_HOME"));
            environment.put("GPTMEM_HOME", home.toString());
            environment.put("NO_COLOR", "1");
            env.forEach((name, value) -> {
                if (value == null) {
                    environment.remove(name);
                } else {
                    environment.put(name, value);
                }
            });
            return builder;
        }
    }

    /** What happens to a command's standard output besides being read. */
    private enum Stdout { KEPT, UNREAD, READER_GONE, CLOSED }

    /** A started command whose standard input may still be open. */
    static final class Running implements AutoCloseable {
        private final List<String> args;
        private final Process process;
        private Drain stdout;
        private final Drain stderr;
        private final long started = System.nanoTime();

        private Running(List<String> args, Process process) {
            this.args = args;
            this.process = process;
            this.stderr = Drain.start(process.getErrorStream(), "gptmem-stderr");
        }

        /** Starts reading standard output, keeping all of it; done at the start unless the call said otherwise. */
        Running readStdout() {
            if (stdout == null) {
                stdout = Drain.start(process.getInputStream(), "gptmem-stdout");
            }
            return this;
        }

        /** How many bytes of standard output wait in its pipe, unread. */
        int stdoutUnread() {
            try {
                return process.getInputStream().available();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look at the standard output of gptmem " + args, e);
            }
        }

        long pid() {
            return process.pid();
        }

        Running write(String text) {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }

        Running write(byte[] bytes) {
            try {
                OutputStream in = process.getOutputStream();
                in.write(bytes);
                in.flush();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the standard input of gptmem " + args
                        + "; stderr so far:\n" + stderr.soFar(), e);
            }
        }

        void closeStdin() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // The process already went away; its exit code and stderr tell why.
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /**
         * Waits until the process has written {@code expected} to stdout (terminal escape codes
         * left out); fails with what it did write if that takes longer than {@code limit}.
         */
        void awaitOutput(String expected, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!screen().contains(expected)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("gptmem " + args + " did not write '" + expected + "' within "
                            + limit.toSeconds() + " s; it wrote:\n" + screen() + "\n--- stderr ---\n" + stderr.soFar());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for gptmem " + args, e);
                }
            }
        }

        /** Stdout so far, without terminal escape codes and carriage returns. */
        String screen() {
            return ESCAPES.matcher(stdout.soFar()).replaceAll("").replace("\r", "");
        }

        /** What the process has written to stderr until now. */
        String stderrSoFar() {
            return stderr.soFar();
        }

        /** True if the process ends within {@code limit}; it keeps running if not. */
        boolean endsWithin(Duration limit) {
            try {
                return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for gptmem " + args, e);
            }
        }

        /**
         * Asks the program to end, as {@code kill PID} does (SIGTERM). Through its handle, as
         * {@link Process#destroy()} would also close the pipes, losing what it says as it ends.
         */
        Running terminate() {
            process.toHandle().destroy();
            return this;
        }

        /** Waits for the process; kills it and fails the test if it runs past {@code limit}. */
        Result await(Duration limit) {
            int code = waitOrKill(process, limit, args, stderr);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Result(code, stdout == null ? "" : stdout.text(), stderr.text(), took);
        }

        @Override
        public void close() {
            closeStdin();
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    /** What a finished command left behind. */
    record Result(int exitCode, String stdout, String stderr, Duration took) {

        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** The contract's error shape: exactly one line on stderr, starting {@code gptmem: }, and no stack trace. */
        String errorLine() {
            assertThat(stderrLines()).as("stderr of a failed command: one line\n%s", this).hasSize(1);
            assertThat(stderrLines().get(0)).as("error line").startsWith("gptmem: ");
            return stderrLines().get(0);
        }

        /** For assertion messages: everything needed to see why a command did what it did. */
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms\n--- stdout ---\n" + abbreviate(stdout)
                    + "\n--- stderr ---\n" + abbreviate(stderr);
        }

        private static String abbreviate(String text) {
            return text.length() <= 4000 ? text : text.substring(0, 4000) + "\n… (" + text.length() + " chars)";
        }
    }

    /** Reads a process's output stream to the end on its own thread, so the process never blocks on a full pipe. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private Drain(InputStream in, String name) {
            thread = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    // The stream ends when the process is killed; what was read is kept.
                }
            }, name);
            thread.setDaemon(true);
        }

        static Drain start(InputStream in, String name) {
            Drain drain = new Drain(in, name);
            drain.thread.start();
            return drain;
        }

        /** Everything the stream held; call once the process has ended. */
        String text() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return soFar();
        }

        /** What has arrived until now, without waiting for more. */
        String soFar() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
