package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.cli.SandboxCommand;
import org.chartlens.connect.Organization;
import org.chartlens.sandbox.DemoEhr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 (small item): what ChartLens creates inside its data folder (the demo EHR's
 * {@code sandbox/} folder and {@code *.url} file, the secret store and its lock file, the refresh
 * lock files) is owner-only, even under a permissive umask (checked with POSIX permissions).
 */
class DataFolderPermissionsTest {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    @TempDir
    Path data;

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions (Windows relies on the per-user folder's ACL)");
    }

    @Test
    void everythingSignInAndTheDemoEhrCreateIsOwnerOnly() throws Exception {
        try (DemoEhr ehr = TinyEhr.start("demo");
             ChartLensContext ctx = new ChartLensContext(data, PassphraseSource.fixed("p".toCharArray()),
                     Map.of("CHARTLENS_SECRET_STORE", "file"))) {
            Path url = SandboxCommand.publishAddress(data, "demo", ehr.fhirBase());
            Organization org = ctx.organization("demo").withClientId("chartlens");
            Session s = ctx.auth().signInWithBrowser(org, null, new ScriptedBrowser(), Duration.ofSeconds(30));
            ctx.auth().tokens(org).refreshAfterRejection(s.accessToken());

            for (Path expected : List.of(url, data.resolve("secrets.bin"), data.resolve("secrets.bin.lock"),
                    data.resolve("locks/refresh-demo.lock"))) {
                assertTrue(Files.exists(expected), expected + " was created");
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.toList()) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    assertEquals(Files.isDirectory(p) ? DIR : FILE, perms,
                            data.relativize(p) + " is " + PosixFilePermissions.toString(perms));
                }
            }
        }
    }
}
