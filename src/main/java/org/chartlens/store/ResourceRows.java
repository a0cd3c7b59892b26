package org.chartlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.chartlens.domain.RawResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The resource rows: cached patients, a patient's chart with the shared resources it references,
 * one resource by identity, and counts. Reads only; resources are written by a
 * {@link CacheBatch}. Thread safe.
 */
final class ResourceRows {
    static final String COLUMNS = "org, type, id, patient, effective, status, code, json";
    private static final int IN_LIST = 500;

    private final CacheConnections db;

    ResourceRows(CacheConnections db) {
        this.db = db;
    }

    List<CachedPatient> patients() {
        return db.read(c -> {
            List<CachedPatient> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.org, r.id, r.json, s.last_synced FROM resource r "
                            + "LEFT JOIN patient_sync s ON s.org = r.org AND s.patient = r.id "
                            + "WHERE r.type = 'Patient' ORDER BY r.org, r.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String org = rs.getString(1);
                    String id = rs.getString(2);
                    String json = rs.getString(3);
                    out.add(new CachedPatient(org, id, json, CacheConnections.instant(rs, 4)));
                }
            }
            return out;
        });
    }

    List<StoredResource> chart(String org, String patientId) {
        return db.read(c -> {
            List<StoredResource> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM resource WHERE org = ? AND patient = ?")) {
                ps.setString(1, org);
                ps.setString(2, patientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            if (out.isEmpty()) {
                return out;
            }
            Map<String, Set<String>> refs = new TreeMap<>();
            for (StoredResource r : out) {
                SharedReferences.collect(r.json(), refs);
            }
            for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
                List<String> ids = new ArrayList<>(e.getValue());
                for (int from = 0; from < ids.size(); from += IN_LIST) {
                    List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                    String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                            + " FROM resource WHERE type = ? AND org = ? AND id IN (" + marks + ")"
                            + " AND patient IS NULL")) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, org);
                        for (int i = 0; i < part.size(); i++) {
                            ps.setString(3 + i, part.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(row(rs));
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    Optional<StoredResource> resource(String org, String type, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM resource WHERE type = ? AND org = ? AND id = ?")) {
                ps.setString(1, type);
                ps.setString(2, org);
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<StoredResource>empty();
                }
            }
        });
    }

    List<String> organizations() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT org FROM resource ORDER BY org");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Patients' resources marked {@code labelled} (the partial index {@code resource_labelled}). */
    List<RawResource> labelled() {
        return raws("SELECT " + COLUMNS + " FROM resource WHERE labelled = 1 AND patient IS NOT NULL", true);
    }

    /** Patients' resources with a code: identity and code, JSON not read ("{}"). */
    List<RawResource> coded() {
        return raws("SELECT org, type, id, patient, effective, status, code FROM resource "
                + "WHERE patient IS NOT NULL AND code IS NOT NULL", false);
    }

    private List<RawResource> raws(String sql, boolean json) {
        return db.read(c -> {
            List<RawResource> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), json ? rs.getString(8) : "{}"));
                }
            }
            return out;
        });
    }

    Map<String, Integer> countsByType(String org) {
        return counts("SELECT type, count(*) FROM resource WHERE org = ? GROUP BY type ORDER BY type",
                org, null);
    }

    Map<String, Integer> countsByType(String org, String patientId) {
        return counts("SELECT type, count(*) FROM resource WHERE org = ? AND patient = ? "
                + "GROUP BY type ORDER BY type", org, patientId);
    }

    private Map<String, Integer> counts(String sql, String org, String patient) {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, org);
                if (patient != null) {
                    ps.setString(2, patient);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /** Ids of one patient's cached resources of one type. */
    Set<String> chartIds(String org, String patientId, String type) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM resource WHERE org = ? AND patient = ? AND type = ?")) {
                ps.setString(1, org);
                ps.setString(2, patientId);
                ps.setString(3, type);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** One patient's resources removed at the server and not received again: {type, id, removed_at ms}. */
    List<String[]> removed(String org, String patientId) {
        return db.read(c -> {
            List<String[]> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.type, r.id, r.removed_at FROM removed r"
                    + " WHERE r.org = ? AND r.patient = ? AND NOT EXISTS (SELECT 1 FROM resource x"
                    + " WHERE x.type = r.type AND x.org = r.org AND x.id = r.id) ORDER BY r.type, r.id")) {
                ps.setString(1, org);
                ps.setString(2, patientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                    }
                }
            }
            return out;
        });
    }

    Set<String> sharedIds(String org, String type) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM resource WHERE type = ? AND org = ?")) {
                ps.setString(1, type);
                ps.setString(2, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    static StoredResource row(ResultSet rs) throws SQLException {
        return new StoredResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
