package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in demo patients, already parsed, resolved, shaped and serialised at build time
 * (decision 0105). Parsing 8,000 resources with Jackson in a JVM that has not warmed up takes
 * seconds; reading the same entries back from this file takes tens of milliseconds, which is what
 * lets a cold {@code chartlens sandbox} start in well under 2 s.
 *
 * <p>One file per data shape ({@link #shapeOf}): since every profile serves its own ids and
 * identities, one per profile. Each entry's JSON holds a fixed-width placeholder where
 * {@code meta.lastUpdated} goes; loading writes the start time over it. Each file carries a
 * fingerprint of the bundles it was made from: a file that does not match (the bundles changed
 * and the build step did not run, as in an IDE) is ignored, and the bundles are parsed instead.
 *
 * <p>Made by {@link #main} in Maven's {@code process-classes} phase, into
 * {@code target/classes/demo-data/prepared/}. Stateless.
 */
final class PreparedDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedDemoData.class);
    private static final String DIR = "/demo-data/prepared/";
    private static final int MAGIC = 0x43484c44; // "CHLD"
    private static final int VERSION = 3; // 2: security labels (issue 18); 3: Veracity's planted lisinopril (issue 17)
    /** Second precision, always 20 characters: the placeholder and every stamp have one width. */
    static final Instant PLACEHOLDER = Instant.parse("2000-01-01T00:00:00Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
    private static final byte[] PLACEHOLDER_FIELD = ("\"lastUpdated\":\"" + PLACEHOLDER + "\"")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int STAMP_SKIP = "\"lastUpdated\":\"".length();

    private PreparedDemoData() {
    }

    /**
     * The data shapes: which prepared file a profile serves. Every profile is its own shape: each
     * serves its own ids and identities (docs/demo-ehr.md).
     */
    static String shapeOf(VendorProfile profile) {
        return profile.id();
    }

    /**
     * The demo entries for a profile stamped with {@code lastUpdated} (whole seconds), from the
     * prepared file; or by parsing the bundles when there is no usable prepared file.
     */
    static List<StoredEntry> demo(VendorProfile profile, Instant lastUpdated, ObjectMapper mapper) {
        if (lastUpdated.getNano() != 0) {
            throw new IllegalArgumentException("lastUpdated must be whole seconds");
        }
        List<BundleLoader.Source> sources = BundleLoader.demoSources();
        String shape = shapeOf(profile);
        try (InputStream raw = PreparedDemoData.class.getResourceAsStream(DIR + shape + ".bin")) {
            if (raw != null) {
                List<StoredEntry> entries = read(raw, fingerprint(sources), lastUpdated);
                if (entries != null) {
                    return entries;
                }
                LOG.warn("The prepared demo data ({}) does not match the demo bundles; parsing them instead", shape);
            } else {
                LOG.info("No prepared demo data ({}) on the class path; parsing the demo bundles", shape);
            }
        } catch (IOException e) {
            LOG.warn("The prepared demo data ({}) could not be read ({}); parsing the demo bundles", shape,
                    e.getClass().getSimpleName());
        }
        return BundleLoader.prepare(sources, profile, lastUpdated, mapper);
    }

    /** Names, sizes and CRC-32 of the bundles, in order: cheap next to parsing them. */
    static long fingerprint(List<BundleLoader.Source> sources) {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        for (BundleLoader.Source s : sources) {
            crc.update(s.name().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            long size = 0;
            try (InputStream in = s.open()) {
                for (int n; (n = in.read(buf)) > 0; size += n) {
                    crc.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            crc.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
        }
        return crc.getValue();
    }

    // ---- writing (build time) ----

    /** Writes one prepared file per shape into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PreparedDemoData OUTPUT_DIR");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper();
        List<BundleLoader.Source> sources = BundleLoader.demoSources();
        long fingerprint = fingerprint(sources);
        for (VendorProfile profile : VendorProfile.values()) {
            String shape = shapeOf(profile);
            List<StoredEntry> entries = BundleLoader.prepare(sources, profile, PLACEHOLDER, mapper);
            Path out = dir.resolve(shape + ".bin");
            try (OutputStream file = Files.newOutputStream(out)) {
                write(entries, fingerprint, file);
            }
            LOG.info("Prepared demo data {}: {} resources, {} KB", shape, entries.size(), Files.size(out) / 1024);
        }
    }

    static void write(List<StoredEntry> entries, long fingerprint, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(fingerprint);
        out.writeInt(entries.size());
        for (StoredEntry e : entries) {
            byte[] json = e.json();
            int at = stampOffset(json);
            if (!PLACEHOLDER.equals(e.lastUpdated()) || at < 0) {
                throw new IllegalStateException("No single meta.lastUpdated placeholder in " + e);
            }
            out.writeUTF(e.type());
            out.writeUTF(e.id());
            out.writeUTF(e.patientId() == null ? "" : e.patientId());
            out.writeLong(e.dateLow());
            out.writeLong(e.dateHigh());
            writeStrings(out, e.codes());
            writeStrings(out, e.categories());
            out.writeInt(e.references().size());
            for (StoredEntry.Reference r : e.references()) {
                out.writeUTF(r.field());
                out.writeUTF(r.target());
            }
            out.writeInt(at);
            out.writeInt(json.length);
            out.write(json);
        }
        out.flush();
    }

    private static void writeStrings(DataOutputStream out, Set<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    /** Where the placeholder stamp's value starts; -1 unless it occurs exactly once. */
    static int stampOffset(byte[] json) {
        int first = BundleLoader.indexOf(json, PLACEHOLDER_FIELD, 0);
        if (first < 0 || BundleLoader.indexOf(json, PLACEHOLDER_FIELD, first + 1) >= 0) {
            return -1;
        }
        return first + STAMP_SKIP;
    }

    // ---- reading (start-up) ----

    /** The entries, or null when the file was made from other bundles or by another version. */
    static List<StoredEntry> read(InputStream source, long fingerprint, Instant lastUpdated) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readLong() != fingerprint) {
            return null;
        }
        byte[] stamp = STAMP.format(lastUpdated).getBytes(StandardCharsets.US_ASCII);
        int count = in.readInt();
        List<StoredEntry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = in.readUTF().intern();
            String id = in.readUTF();
            String patient = in.readUTF();
            long low = in.readLong();
            long high = in.readLong();
            Set<String> codes = readStrings(in);
            Set<String> categories = readStrings(in);
            int refCount = in.readInt();
            StoredEntry.Reference[] refs = new StoredEntry.Reference[refCount];
            for (int r = 0; r < refCount; r++) {
                refs[r] = new StoredEntry.Reference(in.readUTF().intern(), in.readUTF());
            }
            int at = in.readInt();
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            System.arraycopy(stamp, 0, json, at, stamp.length);
            out.add(new StoredEntry(type, id, patient.isEmpty() ? null : patient, lastUpdated, json, low, high,
                    codes, categories, List.of(refs)));
        }
        return out;
    }

    private static Set<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == 0) {
            return Set.of();
        }
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readUTF();
        }
        return Set.of(values);
    }
}
