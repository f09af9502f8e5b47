package org.aupat.foundation.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The low-level file system calls file transactions make, one method per step, so that a test can make
 * any single step fail (an IOException, a full disk) and check that nothing is lost.
 */
public interface FileSystemCalls {
    InputStream openRead(Path file) throws IOException;

    /** Creates a new file for writing; fails if it exists. */
    FileChannel createNew(Path file) throws IOException;

    /** Opens an existing file for writing, to flush it. */
    FileChannel openWrite(Path file) throws IOException;

    void write(FileChannel channel, ByteBuffer bytes) throws IOException;

    /** Flushes a file's content to the disk (fsync). */
    void force(FileChannel channel) throws IOException;

    /** Flushes a folder's entries to the disk, so a rename or new file survives a power cut. */
    void forceDirectory(Path directory) throws IOException;

    /** Atomic rename within one file system. */
    void rename(Path from, Path to) throws IOException;

    void createDirectory(Path directory) throws IOException;

    void createLink(Path link, Path existing) throws IOException;

    void delete(Path file) throws IOException;
}
