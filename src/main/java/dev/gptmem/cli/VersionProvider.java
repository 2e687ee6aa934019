package dev.gptmem.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version and commit recorded at build time, and the Java runtime running them. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/gptmem/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        String commit = build.getProperty("commit", "unknown")
                + (Boolean.parseBoolean(build.getProperty("dirty")) ? ", with uncommitted changes" : "");
        return new String[] {
            "gptmem " + build.getProperty("version", "(development build)") + " (commit " + commit + ")",
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + ", " + System.getProperty("java.home") + ")"
        };
    }
}
