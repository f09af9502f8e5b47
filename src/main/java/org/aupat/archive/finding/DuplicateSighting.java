package org.aupat.archive.finding;

import org.aupat.archive.media.MediaType;

/**
 * A file an import found to be a duplicate: where it was seen (its original folder and name), the location and
 * sub-location (null when none) it was imported with, and who imported it. Its bytes are the archived file of the
 * same type and SHA-256.
 */
public record DuplicateSighting(MediaType type, String sha256, String originalFolder, String originalName,
                                String locationUuid, String subUuid, String author) {
}
