package org.chartlens.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets in one file wrapped with AES-256-GCM, under either a key derived from the user's
 * passphrase by PBKDF2-HMAC-SHA256 (random 16-byte salt, {@value #DEFAULT_ITERATIONS} iterations,
 * both stored in the header), or a random key kept in the OS secret store
 * ({@link #openWithKey}; iterations 0 in the header). A wrong passphrase fails the GCM tag check
 * and gives a clear error.
 *
 * <p>File: {@code "CLSECRETS" | version(1) | iterations(4) | salt(16) | iv(12) | ciphertext}; the
 * header is authenticated as AAD; a fresh IV per write. Every operation re-reads the file under an
 * OS file lock and writes through a temp file + atomic rename, so several ChartLens processes can
 * share it. Thread safe. Cost: the key derivation (about half a second) once per instance; each
 * operation then decrypts and re-encrypts a few KB.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final byte[] MAGIC = "CLSECRETS".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int HEADER = MAGIC.length + 1 + 4 + 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** File locks are per process; instances in one JVM also serialise on this per-file monitor. */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> JVM_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final byte[] header;
    private final SecretKeySpec key;
    private String description;

    private EncryptedFileSecretStore(Path file, byte[] header, SecretKeySpec key) {
        this.description = "a file protected by your ChartLens passphrase (" + file + ")";
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.header = header;
        this.key = key;
    }

    /** Opens (or creates) {@code file} with the default work factor. */
    public static EncryptedFileSecretStore open(Path file, PassphraseSource passphrase) {
        return open(file, passphrase, DEFAULT_ITERATIONS);
    }

    /**
     * @param iterations PBKDF2 iterations for a NEW file (an existing file keeps its own)
     * @throws SecretStoreException wrong passphrase, damaged file, or no passphrase available
     */
    public static EncryptedFileSecretStore open(Path file, PassphraseSource passphrase, int iterations) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            synchronized (jvmLock(lock)) {
            try (FileChannel ch = OwnerOnlyFiles.open(lock, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE); FileLock l = ch.lock()) {
                if (Files.exists(file)) {
                    byte[] all = Files.readAllBytes(file);
                    byte[] header = parseHeader(all, file);
                    ByteBuffer h = ByteBuffer.wrap(header, MAGIC.length + 1, 20);
                    int iter = h.getInt();
                    byte[] salt = new byte[16];
                    h.get(salt);
                    char[] pass = passphrase.passphrase(false);
                    if (iter <= 0) {
                        throw new SecretStoreException("The secrets file " + file + " is locked by the OS secret "
                                + "store of another session, not by a passphrase.", null);
                    }
                    SecretKeySpec key = derive(pass, salt, iter);
                    EncryptedFileSecretStore s = new EncryptedFileSecretStore(file, header, key);
                    s.decrypt(all);
                    return s;
                }
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                ByteBuffer h = ByteBuffer.allocate(HEADER);
                h.put(MAGIC).put((byte) VERSION).putInt(iterations).put(salt);
                char[] pass = passphrase.passphrase(true);
                if (pass == null || pass.length == 0) {
                    throw new SecretStoreException("An empty passphrase cannot protect ChartLens's secrets.", null);
                }
                EncryptedFileSecretStore s = new EncryptedFileSecretStore(file, h.array(), derive(pass, salt, iterations));
                s.write(new TreeMap<>());
                return s;
            }
            }
        } catch (IOException e) {
            throw new SecretStoreException("ChartLens cannot open its secrets file " + file + ".", e);
        }
    }

    /**
     * Opens (or creates) {@code file} encrypted under {@code key} (32 bytes, e.g. kept in the OS
     * secret store, which cannot hold large values on every OS).
     */
    public static EncryptedFileSecretStore openWithKey(Path file, byte[] key, String description) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            synchronized (jvmLock(lock)) {
                try (FileChannel ch = OwnerOnlyFiles.open(lock, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE); FileLock l = ch.lock()) {
                    EncryptedFileSecretStore s;
                    if (Files.exists(file)) {
                        byte[] all = Files.readAllBytes(file);
                        byte[] header = parseHeader(all, file);
                        if (ByteBuffer.wrap(header, MAGIC.length + 1, 4).getInt() != 0) {
                            throw new SecretStoreException("The secrets file " + file + " is protected by a "
                                    + "passphrase, not by the OS secret store.", null);
                        }
                        s = new EncryptedFileSecretStore(file, header, new SecretKeySpec(key, "AES"));
                        s.decrypt(all);
                    } else {
                        ByteBuffer h = ByteBuffer.allocate(HEADER);
                        h.put(MAGIC).put((byte) VERSION).putInt(0).put(new byte[16]);
                        s = new EncryptedFileSecretStore(file, h.array(), new SecretKeySpec(key, "AES"));
                        s.write(new TreeMap<>());
                    }
                    s.description = description;
                    return s;
                }
            }
        } catch (IOException e) {
            throw new SecretStoreException("ChartLens cannot open its secrets file " + file + ".", e);
        }
    }

    private static byte[] parseHeader(byte[] all, Path file) {
        if (all.length < HEADER + 12 + 16 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)
                || all[MAGIC.length] != VERSION) {
            throw new SecretStoreException("The secrets file " + file + " is damaged or not a ChartLens secrets file.", null);
        }
        return Arrays.copyOf(all, HEADER);
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("This Java runtime cannot derive keys (PBKDF2).", e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The PBKDF2 iteration count recorded in an existing file (for tests and diagnostics). */
    public static int iterationsOf(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return ByteBuffer.wrap(parseHeader(all, file), MAGIC.length + 1, 4).getInt();
    }

    private Map<String, String> decrypt(byte[] all) {
        if (!Arrays.equals(Arrays.copyOf(all, HEADER), header)) {
            throw new SecretStoreException("The secrets file " + file + " was replaced by another one; "
                    + "restart ChartLens.", null);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, HEADER, 12));
            c.updateAAD(header);
            byte[] plain = c.doFinal(all, HEADER + 12, all.length - HEADER - 12);
            try {
                return JSON.readValue(plain, new TypeReference<TreeMap<String, String>>() { });
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new SecretStoreException(ByteBuffer.wrap(header, MAGIC.length + 1, 4).getInt() == 0
                    ? "The key in the OS secret store does not open " + file + "; it was damaged or replaced."
                    : "The passphrase is wrong (or the secrets file " + file
                    + " was damaged). ChartLens could not unlock its secrets.", null);
        } catch (GeneralSecurityException | IOException e) {
            throw new SecretStoreException("ChartLens could not unlock its secrets file " + file + ".", e);
        }
    }

    private void write(Map<String, String> entries) throws IOException {
        byte[] plain = JSON.writeValueAsBytes(entries);
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] out;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(header);
            byte[] ct = c.doFinal(plain);
            out = ByteBuffer.allocate(HEADER + 12 + ct.length).put(header).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("ChartLens could not encrypt its secrets.", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".secrets", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        try (RandomAccessFile raf = new RandomAccessFile(tmp.toFile(), "rw")) {
            raf.write(out);
            raf.getFD().sync();
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface Change<T> {
        T apply(Map<String, String> entries);
    }

    private static Object jvmLock(Path lock) {
        return JVM_LOCKS.computeIfAbsent(lock.toAbsolutePath().normalize(), k -> new Object());
    }

    private <T> T locked(boolean writes, Change<T> change) {
        synchronized (jvmLock(lockFile)) {
            return lockedInProcess(writes, change);
        }
    }

    private <T> T lockedInProcess(boolean writes, Change<T> change) {
        try (FileChannel ch = OwnerOnlyFiles.open(lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE); FileLock l = ch.lock()) {
            Map<String, String> entries = decrypt(Files.readAllBytes(file));
            T result = change.apply(entries);
            if (writes) {
                write(entries);
            }
            return result;
        } catch (IOException e) {
            throw new SecretStoreException("ChartLens cannot use its secrets file " + file + ".", e);
        }
    }

    @Override
    public Optional<byte[]> get(String name) {
        return locked(false, m -> Optional.ofNullable(m.get(name)).map(v -> Base64.getDecoder().decode(v)));
    }

    @Override
    public void put(String name, byte[] value) {
        locked(true, m -> m.put(name, Base64.getEncoder().encodeToString(value)));
    }

    @Override
    public void delete(String name) {
        locked(true, m -> m.remove(name));
    }

    @Override
    public synchronized byte[] getOrCreateKey(String name) {
        return locked(true, m -> {
            String v = m.get(name);
            if (v == null) {
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                v = Base64.getEncoder().encodeToString(k);
                m.put(name, v);
            }
            return Base64.getDecoder().decode(v);
        });
    }

    @Override
    public String description() {
        return description;
    }

    public Path file() {
        return file;
    }
}
