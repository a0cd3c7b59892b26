package org.chartlens.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's output: a table on stdout and {@code results.json}, with the machine. */
public final class BenchReport {
    private final List<Figure> figures = new ArrayList<>();

    public Figure add(Figure f) {
        figures.add(f);
        return f;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, %s %s (%s), max heap %d MB, %s %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    public void printTable(PrintStream out) {
        out.println("Machine: " + machine());
        out.printf(Locale.ROOT, "%-52s %10s %10s %10s %-6s %-22s %s%n",
                "figure", "median", "min", "max", "unit", "ratio", "target");
        for (Figure f : figures) {
            String ratio = f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx %s", f.ratio(), f.baseline());
            String target = f.targetDescription() == null ? ""
                    : f.targetDescription() + (Boolean.TRUE.equals(f.met()) ? "  met" : "  MISSED");
            out.printf(Locale.ROOT, "%-52s %10s %10s %10s %-6s %-22s %s%n",
                    f.name(), fmt(f.median()), fmt(f.min()), fmt(f.max()), f.unit(), ratio, target);
        }
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public void writeJson(Path file) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("generated", Instant.now().toString());
        ObjectNode m = root.putObject("machine");
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        ArrayNode arr = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode o = arr.addObject();
            o.put("name", f.name());
            o.put("unit", f.unit());
            o.put("median", f.median());
            o.put("min", f.min());
            o.put("max", f.max());
            ArrayNode s = o.putArray("samples");
            f.samples().forEach(s::add);
            if (f.ratio() != null) {
                o.put("baseline", f.baseline());
                o.put("ratio", f.ratio());
            }
            if (f.targetDescription() != null) {
                o.put("target", f.targetDescription());
                o.put("met", f.met());
            }
            if (f.noteText() != null) {
                o.put("note", f.noteText());
            }
        }
        Files.createDirectories(file.getParent());
        om.writeValue(file.toFile(), root);
    }
}
