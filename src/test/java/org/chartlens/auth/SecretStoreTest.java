package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** security.md 18: secrets in the OS store where there is one, else wrapped by a passphrase-derived key. */
class SecretStoreTest {
    @TempDir
    Path dir;

    private EncryptedFileSecretStore open(String passphrase) {
        return EncryptedFileSecretStore.open(dir.resolve("secrets.bin"), PassphraseSource.fixed(passphrase.toCharArray()), 1000);
    }

    @Test
    void roundTripsAndNeverWritesPlaintext() throws Exception {
        EncryptedFileSecretStore s = open("correct horse");
        byte[] secret = "refresh-token-ABCDEF0123456789".getBytes(StandardCharsets.UTF_8);
        s.put("session/demo", secret);
        assertArrayEquals(secret, s.get("session/demo").orElseThrow());
        String onDisk = new String(Files.readAllBytes(s.file()), StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains("refresh-token-ABCDEF"));
        assertFalse(onDisk.contains("session/demo"), "even the names are encrypted");
        s.delete("session/demo");
        assertTrue(s.get("session/demo").isEmpty());
    }

    @Test
    void theSecretsFileIsOwnerOnly() throws Exception {
        EncryptedFileSecretStore s = open("correct horse");
        s.put("session/demo", new byte[] {1});
        assumeTrue(Files.getFileAttributeView(s.file(), java.nio.file.attribute.PosixFileAttributeView.class) != null,
                "POSIX permissions only");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(s.file()));
    }

    @Test
    void wrongPassphraseGivesAClearError() {
        open("correct horse").put("k", new byte[] {1, 2, 3});
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> open("wrong horse"));
        assertTrue(e.getMessage().startsWith("The passphrase is wrong"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong horse"));
    }

    @Test
    void defaultWorkFactorIsHighAndSaltIsRandom() throws Exception {
        assertTrue(EncryptedFileSecretStore.DEFAULT_ITERATIONS >= 600_000);
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        EncryptedFileSecretStore.open(a, PassphraseSource.fixed("same".toCharArray()));
        EncryptedFileSecretStore.open(b, PassphraseSource.fixed("same".toCharArray()), 1000);
        assertEquals(EncryptedFileSecretStore.DEFAULT_ITERATIONS, EncryptedFileSecretStore.iterationsOf(a));
        byte[] ha = Arrays.copyOfRange(Files.readAllBytes(a), 14, 30);
        byte[] hb = Arrays.copyOfRange(Files.readAllBytes(b), 14, 30);
        assertFalse(Arrays.equals(ha, hb), "salts differ");
    }

    @Test
    void twoProcessesShareTheFileWithoutLosingWrites() throws Exception {
        EncryptedFileSecretStore one = open("pp");
        EncryptedFileSecretStore two = open("pp");
        CompletableFuture<?>[] writers = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.runAsync(() ->
                (i % 2 == 0 ? one : two).put("k" + i, new byte[] {(byte) i}))).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(writers).get();
        EncryptedFileSecretStore three = open("pp");
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(new byte[] {(byte) i}, three.get("k" + i).orElseThrow());
        }
    }

    @Test
    void aFileUnderAnOsStoreKeyRoundTripsAndRefusesAnotherKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Path f = dir.resolve(OsKeyringSecretStore.FILE_NAME);
        EncryptedFileSecretStore.openWithKey(f, key, "test").put("session/x", new byte[] {7});
        assertArrayEquals(new byte[] {7}, EncryptedFileSecretStore.openWithKey(f, key.clone(), "test").get("session/x").orElseThrow());
        byte[] other = key.clone();
        other[0] ^= 1;
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> EncryptedFileSecretStore.openWithKey(f, other, "t"));
        assertTrue(e.getMessage().contains("OS secret store"), e.getMessage());
        assertThrows(SecretStoreException.class, () -> EncryptedFileSecretStore.open(f, PassphraseSource.fixed("pp".toCharArray()), 1000));
    }

    @Test
    void getOrCreateKeyIsStableAcrossInstances() {
        byte[] k1 = open("pp").getOrCreateKey("cache-key");
        assertEquals(32, k1.length);
        assertArrayEquals(k1, open("pp").getOrCreateKey("cache-key"));
    }

    @Test
    void fallsBackToThePassphraseFileWhereNoOsStoreExists() {
        boolean noOsStore = System.getenv("DBUS_SESSION_BUS_ADDRESS") == null
                && !System.getProperty("os.name").toLowerCase().matches(".*(mac|win).*");
        assumeTrue(noOsStore, "only where no OS secret store can exist (no D-Bus session, not macOS/Windows)");
        SecretStore s = SecretStores.open(dir, PassphraseSource.fixed("pp".toCharArray()), Map.of());
        assertTrue(s instanceof EncryptedFileSecretStore, s.description());
        assertTrue(Files.exists(dir.resolve(SecretStores.FILE_NAME)));
    }

    @Test
    void theFileStoreCanBeForcedAnywhere() {
        SecretStore forced = SecretStores.open(dir.resolve("f"), PassphraseSource.fixed("pp".toCharArray()),
                Map.of(SecretStores.ENV, "file"));
        assertTrue(forced instanceof EncryptedFileSecretStore);
    }

    @Test
    void missingPassphraseIsAClearErrorNotAHang() {
        assumeTrue(System.console() == null, "with a terminal the passphrase is asked for instead");
        PassphraseSource none = PassphraseSource.fromEnvironmentOrConsole(Map.of());
        SecretStoreException e = assertThrows(SecretStoreException.class,
                () -> EncryptedFileSecretStore.open(dir.resolve("x.bin"), none, 1000));
        assertTrue(e.getMessage().contains(PassphraseSource.ENV));
    }

    @Test
    void thePassphraseCanComeFromTheEnvironment() {
        char[] fromEnv = PassphraseSource.fromEnvironmentOrConsole(Map.of(PassphraseSource.ENV, "env-pass")).passphrase(false);
        assertEquals("env-pass", new String(fromEnv));
    }
}
