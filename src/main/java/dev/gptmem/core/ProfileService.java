package dev.gptmem.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code profile} commands' logic. */
public final class ProfileService {
    private final Home home;
    private final Storage storage;

    public ProfileService(Home home, Storage storage) {
        this.home = home;
        this.storage = storage;
    }

    /**
     * Every profile, described. One that another command holds (a long import, say) or that cannot
     * be read is listed with its {@link ProfileInfo#problem problem}, at once: one profile does not
     * keep the others from being listed.
     */
    public List<ProfileInfo> list() {
        String current = currentName();
        List<ProfileInfo> infos = new ArrayList<>();
        for (String name : storage.profiles()) {
            infos.add(readNow(name, current));
        }
        return infos;
    }

    /**
     * A profile that must exist, described as {@link #list} describes it: one that cannot be read
     * now comes back with its problem rather than failing.
     */
    public ProfileInfo inspect(String name) {
        requireExisting(ProfileNames.check(name));
        return readNow(name, currentName());
    }

    /** The profile described without waiting for it, or, if it cannot be read now, with why not. */
    private ProfileInfo readNow(String name, String current) {
        try (ProfileStore store = storage.readNow(name)) {
            return describe(store, name, current);
        } catch (GptmemException e) {
            return ProfileInfo.unreadable(name, storage.sizeOnDisk(name), storage.file(name), name.equals(current),
                    e.getMessage());
        }
    }

    public ProfileInfo show(String name) {
        requireExisting(ProfileNames.check(name));
        return describe(name, currentName());
    }

    public ProfileInfo create(String name, String description) {
        ProfileNames.check(name);
        String checked = MemoryRules.description(description);
        if (storage.exists(name)) {
            throw GptmemException.failure("profile '" + name + "' already exists");
        }
        try (ProfileStore store = storage.open(name, true)) {
            if (checked != null) {
                store.transaction(() -> {
                    store.setDescription(checked);
                    return null;
                });
            }
        }
        return describe(name, currentName());
    }

    /** Sets a profile's description, or with a blank one removes it; whether that changed it. */
    public boolean setDescription(String name, String description) {
        requireUsable(name);
        String checked = MemoryRules.description(description);
        try (ProfileStore store = storage.open(name, true)) {
            return store.transaction(() -> {
                if (Objects.equals(store.description(), checked)) {
                    return false;
                }
                store.setDescription(checked);
                return true;
            });
        }
    }

    /** Rebuilds a profile's search index from its memories; returns how many were indexed. */
    public long reindex(String name) {
        requireExisting(ProfileNames.check(name));
        try (ProfileStore store = storage.open(name, false)) {
            store.reindex();
            return store.count();
        } catch (GptmemException e) {
            if (e.exitCode() == ExitCodes.CANCELLED) {
                throw e.adding("the index is as it was");
            }
            throw e;
        }
    }

    /** Deletes a profile and its memories; if it was the one in use, {@code default} is used again. */
    public void remove(String name) {
        requireExisting(ProfileNames.check(name));
        storage.delete(name);
        if (home.currentProfile().filter(name::equals).isPresent()) {
            home.setCurrentProfile(null);
        }
    }

    public void rename(String from, String to) {
        requireExisting(ProfileNames.check(from));
        ProfileNames.check(to);
        if (storage.exists(to)) {
            throw GptmemException.failure("profile '" + to + "' already exists");
        }
        storage.rename(from, to);
        if (home.currentProfile().filter(from::equals).isPresent()) {
            home.setCurrentProfile(to);
        }
    }

    /** Makes {@code name} the profile commands use when none is named. */
    public void use(String name) {
        home.setCurrentProfile(requireUsable(name));
    }

    /** Checks that commands can work on {@code name}: an existing profile, or {@code default}, made on first use. */
    public String requireUsable(String name) {
        if (!ProfileNames.check(name).equals(ProfileNames.DEFAULT)) {
            requireExisting(name);
        }
        return name;
    }

    public String currentName() {
        return home.currentProfile().orElse(ProfileNames.DEFAULT);
    }

    /** The profiles' names, sorted, without opening any. */
    public List<String> names() {
        return storage.profiles();
    }

    private void requireExisting(String name) {
        if (!storage.exists(name)) {
            throw GptmemException.notFound("no profile '" + name + "'" + ProfileNames.closest(name, names())
                    .map(close -> "; did you mean '" + close + "'?").orElse(" (see 'gptmem profile list')"));
        }
    }

    private ProfileInfo describe(String name, String current) {
        try (ProfileStore store = storage.read(name, false)) {
            return describe(store, name, current);
        }
    }

    private ProfileInfo describe(ProfileStore store, String name, String current) {
        return new ProfileInfo(name, store.description(), store.createdAt(), store.changedAt(),
                store.count(), storage.sizeOnDisk(name), storage.file(name), name.equals(current));
    }
}
