package org.aupat.archive.hardware;

/** What db_organize stores as img_hardware / vid_hardware: the make and model as read, and the category decided. */
public record Hardware(String make, String model, HardwareCategory category) {
}
