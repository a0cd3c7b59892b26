package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void explicitFolderWinsOverEnvironment(@TempDir Path tmp) {
        Path chosen = DataDirectory.resolve(tmp.resolve("a"), Map.of("CHARTLENS_HOME", tmp.resolve("b").toString()));
        assertEquals(tmp.resolve("a"), chosen);
    }

    @Test
    void environmentWinsOverTheOsDefault(@TempDir Path tmp) {
        assertEquals(tmp.resolve("b"), DataDirectory.resolve(null, Map.of("CHARTLENS_HOME", tmp.resolve("b").toString())));
    }

    @Test
    void osDefaultsArePerUser() {
        Path home = Path.of("/home/ana");
        assertEquals(Path.of("/home/ana/.local/share/chartlens"), DataDirectory.defaultFor("Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/chartlens"), DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/xdg"), home));
        assertEquals(Path.of("/home/ana/Library/Application Support/ChartLens"), DataDirectory.defaultFor("Mac OS X", Map.of(), home));
        assertEquals(Path.of("C:/Users/ana/AppData/Local/ChartLens"),
                DataDirectory.defaultFor("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/ana/AppData/Local"), home));
    }

    @Test
    void createdFolderIsOwnerOnly(@TempDir Path tmp) throws Exception {
        Path dir = DataDirectory.ensureOwnerOnly(tmp.resolve("nested/data"));
        assertTrue(Files.isDirectory(dir));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(dir));
    }
}
