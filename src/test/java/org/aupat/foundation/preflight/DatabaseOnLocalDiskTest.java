package org.aupat.foundation.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.PreflightError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database on a network or FUSE file system is refused from the mount table, fed here as a file (a real
 * NFS or FUSE mount cannot be made in a test), in both formats Linux has.
 */
class DatabaseOnLocalDiskTest {
    @TempDir
    Path dir;

    private static AupatProperties at(Path database, Path elsewhere) {
        return new AupatProperties(database, null, elsewhere.resolve("staging"), elsewhere.resolve("archive"),
                elsewhere.resolve("backups"), elsewhere.resolve("logs"), elsewhere.resolve("rules"), "exiftool", "ffprobe");
    }

    /** A mountinfo with / on ext4 and {@code share} mounted with {@code type}. */
    private Path mountInfo(Path share, String type) throws Exception {
        return Files.writeString(dir.resolve("mountinfo"), String.join("\n",
                "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
                "23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw",
                "40 22 0:44 / " + share.toString().replace(" ", "\\040") + " rw,relatime shared:30 - " + type
                        + " nas:/photos rw,vers=4.2",
                ""));
    }

    private DatabaseOnLocalDisk check(Path database, Path table) {
        return new DatabaseOnLocalDisk(at(database, dir.resolve("local")), table.toString());
    }

    @Test
    void aDatabaseOnNfsIsRefusedWithTheTwoWaysOut() throws Exception {
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Path table = mountInfo(nas, "nfs4");
        assertThatThrownBy(() -> check(nas.resolve("aupat/aupat.db"), table).require())
                .isInstanceOf(PreflightError.class)
                .satisfies(e -> assertThat(((PreflightError) e).exitCode()).isEqualTo(3))
                .hasMessageStartingWith("the database " + nas.resolve("aupat/aupat.db") + ", the checkpoint database "
                        + nas.resolve("aupat/checkpoint_state.db") + ", the journal folder " + nas.resolve("aupat/journal")
                        + ", the run lock " + nas.resolve("aupat/aupat.db.lock") + " on nfs4 (" + nas + ")")
                .hasMessageContaining("Keep the database on a local disk")
                .hasMessageContaining("the archive, staging and replicas may stay on the share")
                .hasMessageContaining("or use PostgreSQL")
                .hasMessageNotContaining("\n");
        assertThat(nas.resolve("aupat")).as("nothing made on the share").doesNotExist();
    }

    @Test
    void everyNetworkAndFuseTypeIsRefusedAndLocalOnesPass() throws Exception {
        Path share = Files.createDirectories(dir.resolve("my share"));
        for (String type : new String[] {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "fuse.glusterfs",
                "fuse", "fuseblk", "9p", "ceph", "glusterfs", "afs"}) {
            Path table = mountInfo(share, type);
            assertThatThrownBy(() -> check(share.resolve("aupat.db"), table).require()).as(type)
                    .isInstanceOf(PreflightError.class).hasMessageContaining(" on " + type + " (" + share + ")");
        }
        for (String type : new String[] {"ext4", "xfs", "btrfs", "tmpfs", "zfs", "overlay", "vfat"}) {
            Path table = mountInfo(share, type);
            assertThatCode(() -> check(share.resolve("aupat.db"), table).require()).as(type).doesNotThrowAnyException();
        }
    }

    @Test
    void onlyThePlaceOnTheShareIsNamedAndTheArchiveMayStayThere() throws Exception {
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Path table = mountInfo(nas, "cifs");
        AupatProperties archiveOnShare = new AupatProperties(dir.resolve("local/aupat.db"), nas.resolve("cp.db"),
                nas.resolve("staging"), nas.resolve("archive"), nas.resolve("backups"), dir.resolve("logs"),
                dir.resolve("rules"), "exiftool", "ffprobe");
        assertThatThrownBy(() -> new DatabaseOnLocalDisk(archiveOnShare, table.toString()).require())
                .hasMessageStartingWith("the checkpoint database " + nas.resolve("cp.db") + " on cifs (" + nas + ")");
        AupatProperties onlyTheArchive = at(dir.resolve("local/aupat.db"), nas);
        assertThatCode(() -> new DatabaseOnLocalDisk(onlyTheArchive, table.toString()).require()).doesNotThrowAnyException();
    }

    @Test
    void aSymbolicLinkToTheShareIsFollowed() throws Exception {
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Path link = Files.createSymbolicLink(dir.resolve("photos"), nas);
        Path table = mountInfo(nas.toRealPath(), "nfs");
        assertThatThrownBy(() -> check(link.resolve("aupat.db"), table).require()).hasMessageContaining(" on nfs (");
    }

    @Test
    void theOlderProcMountsFormatIsReadToo() throws Exception {
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Path table = Files.writeString(dir.resolve("mounts"), "/dev/sda1 / ext4 rw,relatime 0 0\n"
                + "user@host:/photos " + nas + " fuse.sshfs rw,nosuid,nodev 0 0\n");
        assertThatThrownBy(() -> check(nas.resolve("aupat.db"), table).require()).hasMessageContaining(" on fuse.sshfs (");
    }

    @Test
    void aLaterMountOnTheSamePointHidesTheEarlierOne() throws Exception {
        Path point = Files.createDirectories(dir.resolve("mnt"));
        Path table = Files.writeString(dir.resolve("mounts"), "/dev/sda1 / ext4 rw 0 0\nnas:/x " + point
                + " nfs4 rw 0 0\n/dev/sdb1 " + point + " ext4 rw 0 0\n");
        assertThatCode(() -> check(point.resolve("aupat.db"), table).require()).doesNotThrowAnyException();
    }

    @Test
    void withoutAReadableMountTableNothingIsRefused() {
        assertThatCode(() -> check(dir.resolve("aupat.db"), dir.resolve("no-such-table")).require())
                .doesNotThrowAnyException();
    }

    @Test
    void theRealMountTableOfThisMachineIsReadAndThisTestsFolderIsLocal() {
        assertThat(MountTable.read(DatabaseOnLocalDisk.MOUNT_INFO)).isPresent();
        assertThatCode(() -> new DatabaseOnLocalDisk(at(dir.resolve("aupat.db"), dir), null).require())
                .doesNotThrowAnyException();
    }
}
