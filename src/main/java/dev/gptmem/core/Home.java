package dev.gptmem.core;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The gptmem home: {@code profiles/} with one H2 file per profile, and {@code config.properties}
 * with the profile chosen by {@code profile use}.
 */
public final class Home {
    private static final String CURRENT_PROFILE = "profile";
    private final Path dir;

    public Home(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code --home}, else {@code GPTMEM_HOME}, else {@code $XDG_DATA_HOME/gptmem}, else {@code ~/.local/share/gptmem}. */
    public static Home resolve(String option, Map<String, String> env) {
        if (present(option)) {
            return new Home(Path.of(option));
        }
        if (present(env.get("GPTMEM_HOME"))) {
            return new Home(Path.of(env.get("GPTMEM_HOME")));
        }
        if (present(env.get("XDG_DATA_HOME"))) {
            return new Home(Path.of(env.get("XDG_DATA_HOME"), "gptmem"));
        }
        String userHome = present(env.get("HOME")) ? env.get("HOME") : System.getProperty("user.home");
        return new Home(Path.of(userHome, ".local", "share", "gptmem"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public Path dir() {
        return dir;
    }

    public Path profilesDir() {
        return dir.resolve("profiles");
    }

    public Path configFile() {
        return dir.resolve("config.properties");
    }

    /** {@code -p}, else {@code GPTMEM_PROFILE}, else the profile set by {@code profile use}, else {@code default}. */
    public String chooseProfile(String option, Map<String, String> env) {
        if (option != null) {
            return ProfileNames.check(option);
        }
        String fromEnv = env.get("GPTMEM_PROFILE");
        if (present(fromEnv)) {
            return ProfileNames.check(fromEnv);
        }
        return currentProfile().orElse(ProfileNames.DEFAULT);
    }

    /** The profile set by {@code profile use}, if any. */
    public Optional<String> currentProfile() {
        String name = readConfig().getProperty(CURRENT_PROFILE);
        return present(name) ? Optional.of(ProfileNames.check(name.strip())) : Optional.empty();
    }

    /** Sets (or, with {@code null}, clears) the profile used when none is named. */
    public void setCurrentProfile(String name) {
        Properties config = readConfig();
        if (name == null) {
            config.remove(CURRENT_PROFILE);
        } else {
            config.setProperty(CURRENT_PROFILE, ProfileNames.check(name));
        }
        writeConfig(config);
    }

    private Properties readConfig() {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(configFile(), StandardCharsets.UTF_8)) {
            config.load(in);
        } catch (NoSuchFileException e) {
            return config;
        } catch (IOException e) {
            throw GptmemException.io("cannot read " + configFile(), e);
        }
        return config;
    }

    /** Writes beside the old file and moves it in place, so a crash leaves the old or the new one. */
    private void writeConfig(Properties config) {
        OwnerOnly.directory(dir);
        Path tmp = dir.resolve("config.properties.tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                config.store(out, "gptmem settings");
            }
            OwnerOnly.file(tmp);
            Durable.replace(tmp, configFile());
        } catch (IOException e) {
            throw GptmemException.io("cannot write " + configFile(), e);
        }
    }
}
