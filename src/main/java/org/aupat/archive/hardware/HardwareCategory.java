package org.aupat.archive.hardware;

import org.aupat.archive.media.MediaType;

/**
 * A category of camera_hardware.json plus {@code other}, with the flag column and archive folder it
 * leads to (images and videos differ: docs/rules.md, Hardware).
 */
public enum HardwareCategory {
    DSLR("dslr", "camera", "camera"),
    POINT_SHOOT("point_shoot", "camera", "camera"),
    PHONE("phone", "phone", "phone"),
    DRONE("drone", "drone", "drone"),
    GOPRO("gopro", "go_pro", "go_pro"),
    ACTION_CAMERA("action_camera", "camera", "camera"),
    DASH_CAM("dash_cam", "other", "dash_cam"),
    FILM("film", "film", "other"),
    CAMERA_360("360_camera", "other", "other"),
    WEBCAM("webcam", "other", "other"),
    SECURITY_CAMERA("security_camera", "other", "other"),
    OTHER("other", "other", "other");

    private final String ruleName;
    private final String imageFlag;
    private final String videoFlag;

    HardwareCategory(String ruleName, String imageFlag, String videoFlag) {
        this.ruleName = ruleName;
        this.imageFlag = imageFlag;
        this.videoFlag = videoFlag;
    }

    /** The name used in camera_hardware.json and in the {"category": ...} of img_hardware/vid_hardware. */
    public String ruleName() {
        return ruleName;
    }

    /** The one flag column set to 1 (camera, phone, drone, go_pro, film, dash_cam or other). */
    public String flag(MediaType type) {
        return switch (type) {
            case IMAGE -> imageFlag;
            case VIDEO -> videoFlag;
            case DOCUMENT -> throw new IllegalArgumentException("documents have no hardware flag");
        };
    }

    /** The category folder under photos/ or videos/: original_ + flag, with go-pro and dash-cam hyphenated. */
    public String folder(MediaType type) {
        return "original_" + flag(type).replace('_', '-');
    }

    /** A category whose flag for this media type is {@code flag} (they share the folder): for ingest. */
    public static HardwareCategory forFlag(MediaType type, String flag) {
        for (HardwareCategory category : values()) {
            if (category.flag(type).equals(flag)) {
                return category;
            }
        }
        throw new IllegalArgumentException("no " + type + " category has the flag " + flag);
    }

    /** The category for a camera_hardware.json name; null when the name is unknown. */
    public static HardwareCategory fromRuleName(String name) {
        for (HardwareCategory category : values()) {
            if (category.ruleName.equals(name)) {
                return category;
            }
        }
        return null;
    }
}
