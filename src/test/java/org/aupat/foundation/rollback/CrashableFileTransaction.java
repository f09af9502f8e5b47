package org.aupat.foundation.rollback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A child process for the crash test. {@code work HOME}: in one file transaction, creates a folder,
 * moves b.bin into it and starts copying a.bin, then stalls in the middle of writing the temporary file
 * (printing "copying") so the parent can kill it. {@code recover HOME}: undoes what the journal says.
 */
public final class CrashableFileTransaction {
    private CrashableFileTransaction() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        if (args[0].equals("recover")) {
            int handled = new FileTransactions(home.resolve("journal"), new DiskFileSystem()).recoverUnfinished();
            System.out.println("recovered " + handled);
            return;
        }
        FileTransactions transactions = new FileTransactions(home.resolve("journal"), new StallingWrites());
        FileTransaction tx = transactions.begin();
        Path dest = home.resolve("archive/loc");
        tx.mkdirs(dest);
        tx.move(home.resolve("source/b.bin"), dest.resolve("b.bin"));
        tx.copy(home.resolve("source/a.bin"), dest.resolve("a.bin"), null);
        tx.commit();
    }

    /** Real writes, except that the second write into a temporary copy never ends. */
    static final class StallingWrites extends DiskFileSystem {
        private FileChannel temp;
        private int writes;

        @Override
        public FileChannel createNew(Path file) throws IOException {
            FileChannel channel = super.createNew(file);
            if (file.toString().endsWith(".aupat-tmp")) {
                temp = channel;
            }
            return channel;
        }

        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            if (channel == temp && ++writes == 2) {
                System.out.println("copying");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.write(channel, bytes);
        }
    }
}
