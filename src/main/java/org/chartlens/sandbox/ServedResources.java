package org.chartlens.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The served resources, in memory, in load order. Thread safe (read/write lock); readers get
 * snapshots. Nothing here is ever written back to disk.
 */
final class ServedResources {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, StoredEntry> byKey = new HashMap<>();
    private final Map<String, List<StoredEntry>> byType = new LinkedHashMap<>();
    private final Map<String, Map<String, List<StoredEntry>>> byPatient = new LinkedHashMap<>();
    /** In load order; a set, since a list's contains made loading 10,000 Patients quadratic. */
    private final Set<String> patientIds = new java.util.LinkedHashSet<>();
    private final Map<String, Long> changes = new HashMap<>();

    /** Adds or replaces (same type and id) a resource, keeping its place when replaced. */
    void put(StoredEntry entry) {
        lock.writeLock().lock();
        try {
            StoredEntry old = byKey.put(entry.key(), entry);
            changed(entry.type());
            if (old != null) {
                replace(byType.get(old.type()), old, entry);
                if (old.patientId() != null) {
                    List<StoredEntry> list = byPatient.get(old.patientId()).get(old.type());
                    if (!java.util.Objects.equals(old.patientId(), entry.patientId())) {
                        list.remove(old);
                        addToPatient(entry);
                    } else {
                        replace(list, old, entry);
                    }
                } else {
                    addToPatient(entry);
                }
            } else {
                byType.computeIfAbsent(entry.type(), t -> new ArrayList<>()).add(entry);
                addToPatient(entry);
            }
            if ("Patient".equals(entry.type())) {
                patientIds.add(entry.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a resource (as a DELETE at a real server would); true when it was there. */
    boolean remove(String type, String id) {
        lock.writeLock().lock();
        try {
            StoredEntry old = byKey.remove(type + "/" + id);
            if (old == null) {
                return false;
            }
            changed(type);
            byType.get(type).remove(old);
            if (old.patientId() != null) {
                byPatient.get(old.patientId()).get(type).remove(old);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void changed(String type) {
        changes.merge(type, 1L, Long::sum);
    }

    /** How many times resources of a type were put or removed: a new value means the type changed. */
    long changes(String type) {
        lock.readLock().lock();
        try {
            return changes.getOrDefault(type, 0L);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void addToPatient(StoredEntry entry) {
        if (entry.patientId() != null) {
            byPatient.computeIfAbsent(entry.patientId(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.type(), t -> new ArrayList<>()).add(entry);
        }
    }

    private static void replace(List<StoredEntry> list, StoredEntry old, StoredEntry entry) {
        int i = list.indexOf(old);
        if (i >= 0) {
            list.set(i, entry);
        } else {
            list.add(entry);
        }
    }

    StoredEntry get(String type, String id) {
        lock.readLock().lock();
        try {
            return byKey.get(type + "/" + id);
        } finally {
            lock.readLock().unlock();
        }
    }

    StoredEntry get(String reference) {
        lock.readLock().lock();
        try {
            return byKey.get(reference);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every resource of a type, in load order (a copy). */
    List<StoredEntry> ofType(String type) {
        lock.readLock().lock();
        try {
            return new ArrayList<>(byType.getOrDefault(type, List.of()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One patient's resources of a type, in load order (a copy). */
    List<StoredEntry> ofPatient(String patientId, String type) {
        lock.readLock().lock();
        try {
            Map<String, List<StoredEntry>> m = byPatient.get(patientId);
            return m == null ? new ArrayList<>() : new ArrayList<>(m.getOrDefault(type, List.of()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All of one patient's resources, Patient first, then by type in load order (a copy). */
    List<StoredEntry> ofPatient(String patientId) {
        lock.readLock().lock();
        try {
            Map<String, List<StoredEntry>> m = byPatient.get(patientId);
            List<StoredEntry> out = new ArrayList<>();
            if (m == null) {
                return out;
            }
            out.addAll(m.getOrDefault("Patient", List.of()));
            m.forEach((t, l) -> {
                if (!"Patient".equals(t)) {
                    out.addAll(l);
                }
            });
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    Map<String, Integer> counts(String patientId) {
        lock.readLock().lock();
        try {
            Map<String, Integer> out = new TreeMap<>();
            Map<String, List<StoredEntry>> m = byPatient.get(patientId);
            if (m != null) {
                m.forEach((t, l) -> {
                    if (!l.isEmpty()) {
                        out.put(t, l.size());
                    }
                });
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    List<String> patientIds() {
        lock.readLock().lock();
        try {
            return List.copyOf(patientIds);
        } finally {
            lock.readLock().unlock();
        }
    }

    Set<String> types() {
        lock.readLock().lock();
        try {
            return Collections.unmodifiableSet(new java.util.TreeSet<>(byType.keySet()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Serialises every resource not yet serialised (the deferred part of start-up). */
    void serializeAll() {
        List<StoredEntry> all;
        lock.readLock().lock();
        try {
            all = new ArrayList<>(byKey.values());
        } finally {
            lock.readLock().unlock();
        }
        for (StoredEntry e : all) {
            e.json();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byKey.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
