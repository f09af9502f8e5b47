package org.aupat.archive.rules;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The rule files as typed records. Each file is read and checked on first use, so a broken rule file
 * stops only the scripts that need it (a backup still runs).
 */
@Component
public class Rules {
    private final Memo<CameraHardwareRules> cameraHardware;
    private final Memo<FileTypeRules> fileTypes;
    private final Memo<NameRules> names;
    private final Memo<FolderRules> folders;
    private final Memo<LocationTypeRules> locationTypes;
    private final Memo<StateTimeZoneRules> stateTimeZones;
    private final RuleFiles files;

    Rules(RuleFiles files) {
        this.files = files;
        cameraHardware = new Memo<>(() -> CameraHardwareRules.from(files.read("camera_hardware.json")));
        fileTypes = new Memo<>(() -> FileTypeRules.from(files.read("file_types.json"), files.read("ignored_ext.json")));
        names = new Memo<>(() -> NameRules.from(files.read("name.json")));
        folders = new Memo<>(() -> FolderRules.from(files.read("folder.json")));
        locationTypes = new Memo<>(() -> LocationTypeRules.from(files.read("location_type_mapping.json")));
        stateTimeZones = new Memo<>(() -> StateTimeZoneRules.from(files.read("state_time_zones.json")));
    }

    /** Rules read from {@code folder} (files there win) and the copies inside the jar; for tests and tools. */
    public static Rules from(java.nio.file.Path folder) {
        return new Rules(new RuleFiles(folder));
    }

    public CameraHardwareRules cameraHardware() {
        return cameraHardware.get();
    }

    public FileTypeRules fileTypes() {
        return fileTypes.get();
    }

    public NameRules names() {
        return names.get();
    }

    public FolderRules folders() {
        return folders.get();
    }

    public LocationTypeRules locationTypes() {
        return locationTypes.get();
    }

    public StateTimeZoneRules stateTimeZones() {
        return stateTimeZones.get();
    }

    /** How many characters of a uuid or sha go into names (name.json prefix_length). */
    public int prefixLength() {
        return names().prefixLength();
    }

    /** The {@code version} field of every rule file that has one, by file name (recorded by db_migrate). */
    public java.util.Map<String, String> versions() {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        for (String name : files.names()) {
            var version = files.read(name).root().get("version");
            if (version != null && version.isTextual()) {
                versions.put(name, version.asText());
            }
        }
        return versions;
    }

    /** Reads every rule file now, so a pre-flight check reports a broken file before any work starts. */
    public void checkAll() {
        cameraHardware();
        fileTypes();
        names();
        folders();
        locationTypes();
        stateTimeZones();
    }

    private static final class Memo<T> {
        private final Supplier<T> load;
        private T value;

        Memo(Supplier<T> load) {
            this.load = load;
        }

        synchronized T get() {
            if (value == null) {
                value = load.get();
            }
            return value;
        }
    }
}
