import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds ChartLens's native packages with jlink + jpackage from what {@code mvn package} left in
 * {@code target/} ({@code chartlens.jar} and {@code lib/}). Run by the {@code installer} Maven
 * profile (see pom.xml and docs/installer.md); it can also be run alone:
 *
 * <pre>
 *   java installer/BuildInstaller.java --target target --app-version 0.1.0 --platform linux \
 *        --types app-image,deb --modules java.base,java.desktop,...
 * </pre>
 *
 * Steps: stage the jars (natives moved out of the JavaFX and SQLite jars, only this platform's
 * kept), check class-file versions and JDK modules (jdeps) against the runtime, jlink a trimmed
 * runtime, jpackage an app-image, then the platform's installer from that image. Sizes go to
 * {@code target/installer/sizes.txt}. Any failure stops the build with a one-line reason.
 *
 * Runs the JDK's own jlink/jpackage/jdeps in-process (ToolProvider), so the runtime it bundles is
 * the JDK that runs this file.
 */
public final class BuildInstaller {

    /** jpackage needs a single launcher name; the package name is its lower-case form. */
    static final String APP_NAME = "ChartLens";

    private final Path project;
    private final Path target;
    private final Path out;
    private final Path input;
    private final String version;
    private final String platform;
    private final List<String> types;
    private final List<String> modules;
    private final List<PathMatcher> excludes;
    private final boolean verbose;
    private final Map<String, String> sizes = new LinkedHashMap<>();

    BuildInstaller(Map<String, String> opts) {
        this.project = Path.of(opts.getOrDefault("project", ".")).toAbsolutePath().normalize();
        this.target = project.resolve(opts.getOrDefault("target", "target")).normalize();
        this.out = target.resolve("installer");
        this.input = out.resolve("input");
        this.version = appVersion(required(opts, "app-version"));
        this.platform = required(opts, "platform");
        this.types = list(required(opts, "types"));
        this.modules = list(required(opts, "modules"));
        this.excludes = list(opts.getOrDefault("exclude", "")).stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .collect(Collectors.toList());
        this.verbose = Boolean.parseBoolean(opts.getOrDefault("verbose", "false"));
    }

    public static void main(String[] args) {
        try {
            new BuildInstaller(parse(args)).build();
        } catch (BuildFailure e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        }
    }

    void build() {
        checkHost();
        long t0 = System.nanoTime();
        timed("stage", this::stage);
        timed("class versions", this::warnAboutTooNewClasses);
        timed("jdeps", this::checkModules);
        timed("jlink", this::link);
        Path[] image = new Path[1];
        timed("app-image", () -> image[0] = appImage());
        for (String type : types) {
            if (!type.equals("app-image")) {
                timed(type, () -> nativePackage(type, image[0]));
            }
        }
        reportSizes((System.nanoTime() - t0) / 1_000_000_000);
    }

    static void timed(String step, Runnable r) {
        long t = System.nanoTime();
        r.run();
        System.out.println("installer: " + step + " took " + (System.nanoTime() - t) / 1_000_000_000 + " s");
    }

    // ---------------------------------------------------------------- staging

    /** Copies chartlens.jar and lib/ into target/installer/input, trimming natives on the way. */
    void stage() {
        Path jar = target.resolve("chartlens.jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new BuildFailure("target/chartlens.jar and target/lib/ are missing: run 'mvn -B -DskipTests package' first");
        }
        // Only what this run rebuilds: a .deb from an earlier run survives an app-image-only run.
        for (String dir : List.of("input", "runtime", "image")) {
            deleteTree(out.resolve(dir));
        }
        for (String type : types) {
            deleteFiles(out, "." + type);
        }
        Path inputLib = input.resolve("lib");
        Path nativeDir = input.resolve(nativeFolder());
        createDirectories(inputLib);
        createDirectories(nativeDir);
        copy(jar, input.resolve("chartlens.jar"));

        List<String> dropped = new ArrayList<>();
        for (Path j : manifestClassPath(jar)) {
            String name = j.getFileName().toString();
            if (excludes.stream().anyMatch(m -> m.matches(j.getFileName()))) {
                dropped.add(name);
            } else if (name.startsWith("javafx-")) {
                // JavaFX loads its natives from beside its jars before it would extract them into
                // ~/.openjfx/cache: no per-user copy, and they compress better in the package.
                repack(j, inputLib.resolve(name), e -> isNative(e) && !e.contains("/"), nativeDir, e -> true);
            } else if (name.startsWith("sqlite-jdbc")) {
                // ~25 platforms' natives in one jar; keep this platform's, loaded from the install
                // folder (-Dorg.sqlite.lib.path), so nothing is extracted to the temp folder.
                String mine = "org/sqlite/native/" + sqliteNativeFolder() + "/";
                int kept = repack(j, inputLib.resolve(name), e -> e.startsWith("org/sqlite/native/"),
                        nativeDir, e -> e.startsWith(mine) && isNative(e));
                if (kept == 0) {
                    throw new BuildFailure(name + " has no native library for " + mine);
                }
            } else if (name.matches("jna-\\d.*\\.jar")) {
                // JNA (OS secret stores) would unpack its dispatcher into ~/.cache/JNA or the temp
                // folder; loaded from the install folder instead (-Djna.boot.library.path).
                String mine = "com/sun/jna/" + jnaNativeFolder() + "/";
                int kept = repack(j, inputLib.resolve(name), e -> e.matches("com/sun/jna/[^/]+/[^/]*jnidispatch[^/]*"),
                        nativeDir, e -> e.startsWith(mine));
                if (kept == 0) {
                    throw new BuildFailure(name + " has no native library for " + mine);
                }
            } else {
                copy(j, inputLib.resolve(name));
            }
        }
        if (!dropped.isEmpty()) {
            System.out.println("installer: left out (installer.exclude): " + String.join(", ", dropped));
        }
        sizes.put("input (jars + natives)", mb(treeSize(input)));
    }

    /**
     * The jars chartlens.jar's manifest lists: exactly what {@code java -jar} uses. jpackage puts
     * every jar of its input on the class path, so stale jars left in target/lib by an earlier
     * build (an old version of a library) must not be staged.
     */
    List<Path> manifestClassPath(Path jar) {
        String cp;
        try (java.util.jar.JarFile jf = new java.util.jar.JarFile(jar.toFile())) {
            cp = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes().getValue("Class-Path");
        } catch (IOException e) {
            throw new BuildFailure("cannot read " + jar + ": " + e.getMessage());
        }
        if (cp == null || cp.isBlank()) {
            throw new BuildFailure("chartlens.jar has no Class-Path in its manifest");
        }
        List<Path> jars = new ArrayList<>();
        for (String entry : cp.trim().split("\\s+")) {
            Path p = jar.getParent().resolve(entry).normalize();
            if (!Files.isRegularFile(p)) {
                throw new BuildFailure("chartlens.jar lists " + entry + " but it is not in target/: rebuild with mvn package");
            }
            jars.add(p);
        }
        Set<Path> listed = new java.util.HashSet<>(jars);
        List<String> stale = jarsIn(target.resolve("lib")).stream().filter(p -> !listed.contains(p.normalize()))
                .map(p -> p.getFileName().toString()).collect(Collectors.toList());
        if (!stale.isEmpty()) {
            System.out.println("installer: not in chartlens.jar's Class-Path, left out: " + String.join(", ", stale));
        }
        return jars;
    }

    /**
     * Copies {@code from} to {@code to} without the entries {@code strip} selects; of those, the
     * ones {@code extract} selects are written (flat, by file name) into {@code nativeDir}.
     * Returns how many were extracted.
     */
    int repack(Path from, Path to, java.util.function.Predicate<String> strip, Path nativeDir,
               java.util.function.Predicate<String> extract) {
        int extracted = 0;
        try (ZipFile zip = new ZipFile(from.toFile());
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (strip.test(n)) {
                    if (!e.isDirectory() && extract.test(n)) {
                        Path dest = nativeDir.resolve(n.substring(n.lastIndexOf('/') + 1));
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                        }
                        dest.toFile().setExecutable(true, false);
                        extracted++;
                    }
                    continue;
                }
                ZipEntry copy = new ZipEntry(n);
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(zout);
                }
                zout.closeEntry();
            }
        } catch (IOException ex) {
            throw new BuildFailure("cannot repack " + from.getFileName() + ": " + ex.getMessage());
        }
        return extracted;
    }

    static boolean isNative(String entry) {
        String e = entry.toLowerCase(Locale.ROOT);
        return e.endsWith(".so") || e.endsWith(".dll") || e.endsWith(".dylib") || e.endsWith(".jnilib");
    }

    /** Where JavaFX looks for natives relative to its jars' folder (lib/): ../lib, or ../bin on Windows. */
    String nativeFolder() {
        return platform.equals("windows") ? "bin" : "lib";
    }

    /** sqlite-jdbc's folder name for this machine (org.sqlite.util.OSInfo). */
    static String sqliteNativeFolder() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String osDir = os.contains("win") ? "Windows" : os.contains("mac") ? "Mac" : "Linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String archDir = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osDir + "/" + archDir;
    }

    /** JNA's folder name for this machine (com.sun.jna.Platform.RESOURCE_PREFIX). */
    static String jnaNativeFolder() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String osDir = os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String archDir = switch (arch) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osDir + "-" + archDir;
    }

    // ---------------------------------------------------------------- checks

    void checkHost() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String host = os.contains("win") ? "windows" : os.contains("mac") ? "mac" : "linux";
        if (!host.equals(platform)) {
            throw new BuildFailure("jpackage builds only for the machine it runs on: asked for "
                    + platform + " on " + host);
        }
        if (platform.equals("mac") && version.startsWith("0.")) {
            throw new BuildFailure("macOS bundles need an app version starting at 1 (got " + version
                    + "): pass -Dinstaller.appVersion=1.x.y");
        }
    }

    /** A jar compiled for a newer Java than the bundled runtime fails when its classes load. */
    void warnAboutTooNewClasses() {
        int runtimeMajor = Runtime.version().feature() + 44;
        for (Path j : jarsIn(input.resolve("lib"))) {
            int major = highestClassVersion(j, Runtime.version().feature());
            if (major > runtimeMajor) {
                System.out.println("installer: WARNING " + j.getFileName() + " needs Java " + (major - 44)
                        + "; the bundled runtime is Java " + Runtime.version().feature()
                        + " (its classes will fail to load)");
            }
        }
    }

    static int highestClassVersion(Path jar, int feature) {
        int highest = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (!n.endsWith(".class") || n.startsWith("META-INF/versions/") && !releaseFits(n, feature)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] head = in.readNBytes(8);
                    if (head.length == 8) {
                        highest = Math.max(highest, ((head[6] & 0xff) << 8) | (head[7] & 0xff));
                    }
                }
            }
        } catch (IOException ex) {
            throw new BuildFailure("cannot read " + jar.getFileName() + ": " + ex.getMessage());
        }
        return highest;
    }

    static boolean releaseFits(String entry, int feature) {
        String rest = entry.substring("META-INF/versions/".length());
        try {
            return Integer.parseInt(rest.substring(0, rest.indexOf('/'))) <= feature;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * jdeps lists the JDK modules the jars use; each must be in the runtime (the configured list
     * plus what it requires). Service-loaded or reflective needs (jdk.crypto.ec, jdk.httpserver)
     * are invisible to jdeps: those are why the list is explicit, and why CI runs self-test.
     */
    void checkModules() {
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature())));
        int runtimeMajor = Runtime.version().feature() + 44;
        args.add(input.resolve("chartlens.jar").toString());
        for (Path j : jarsIn(input.resolve("lib"))) {
            if (highestClassVersion(j, Runtime.version().feature()) <= runtimeMajor) {
                args.add(j.toString());
            }
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc = tool("jdeps").run(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new));
        String printed = o.toString().lines().filter(l -> l.matches("[a-z][a-z0-9.]*(,[a-z][a-z0-9.]*)*"))
                .reduce((a, b) -> b).orElse("");
        if (rc != 0 || printed.isEmpty()) {
            System.out.println("installer: WARNING jdeps could not list the modules (" + firstLine(e + o.toString())
                    + "); relying on installer.modules and the smoke test");
            return;
        }
        Set<String> runtime = closure(modules);
        Set<String> missing = new TreeSet<>(list(printed));
        missing.removeAll(runtime);
        if (!missing.isEmpty()) {
            throw new BuildFailure("the app uses JDK modules the runtime leaves out: " + String.join(",", missing)
                    + " (add them to installer.modules in pom.xml)");
        }
        System.out.println("installer: jdeps needs " + printed + "; all in the runtime");
    }

    static Set<String> closure(List<String> roots) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Configuration cf = Configuration.empty().resolve(system, ModuleFinder.of(), roots);
        return cf.modules().stream().map(ResolvedModule::name).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------- jlink, jpackage

    void link() {
        Path runtime = out.resolve("runtime");
        // No --compress: the package formats (deb xz, msi cab, dmg) compress far better than
        // jlink's zip (measured: runtime in the .deb 18 MB uncompressed vs 31 MB with --compress=2).
        run("jlink", "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands",
                "--output", runtime.toString());
        sizes.put("runtime (jlink, " + modules.size() + " modules)", mb(treeSize(runtime)));
    }

    Path appImage() {
        Path dest = out.resolve("image");
        List<String> a = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString(),
                "--input", input.toString(), "--main-jar", "chartlens.jar",
                "--runtime-image", out.resolve("runtime").toString(),
                "--icon", icon().toString()));
        a.addAll(metadata());
        String natives = "$APPDIR/" + nativeFolder();
        // UTF-8 whatever the OS locale (JDK 17 would take it from the locale); SQLite's and JNA's
        // natives from the install folder; no JavaFX native-access warnings.
        for (String opt : List.of("--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dorg.sqlite.lib.path=" + natives, "-Djna.boot.library.path=" + natives)) {
            a.add("--java-options");
            a.add(opt);
        }
        a.addAll(argsFile(platformDir().resolve("app-image.args")));
        run("jpackage", a.toArray(String[]::new));
        Path image = Files.isDirectory(dest.resolve(APP_NAME + ".app")) ? dest.resolve(APP_NAME + ".app")
                : dest.resolve(APP_NAME);
        sizes.put("app-image " + project.relativize(image), mb(treeSize(image)));
        return image;
    }

    void nativePackage(String type, Path image) {
        List<String> a = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(),
                "--dest", out.toString(), "--icon", icon().toString(),
                "--resource-dir", platformDir().toString()));
        a.addAll(metadata());
        a.addAll(argsFile(platformDir().resolve("package.args")));
        run("jpackage", a.toArray(String[]::new));
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith("." + type)).collect(Collectors.toList())) {
                sizes.put(type + " " + project.relativize(p), mb(Files.size(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> metadata() {
        List<String> a = new ArrayList<>(List.of("--name", APP_NAME, "--app-version", version));
        a.addAll(argsFile(project.resolve("installer/metadata.args")));
        if (verbose) {
            a.add("--verbose");
        }
        return a;
    }

    Path platformDir() {
        return project.resolve("installer").resolve(platform.equals("mac") ? "macos" : platform);
    }

    Path icon() {
        String file = switch (platform) {
            case "windows" -> "ChartLens.ico";
            case "mac" -> "ChartLens.icns";
            default -> "ChartLens.png";
        };
        return platformDir().resolve(file);
    }

    /**
     * Our option files: one option per line, "--option" or "--option value" (the value is the
     * rest of the line, no quoting); blank lines and lines starting with # are skipped. A value
     * naming a file under installer/ is resolved against the project folder.
     */
    List<String> argsFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> a = new ArrayList<>();
        for (String line : readLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int sp = l.indexOf(' ');
            if (sp < 0) {
                a.add(l);
            } else {
                a.add(l.substring(0, sp));
                String value = l.substring(sp + 1).strip();
                a.add(value.startsWith("installer/") ? project.resolve(value).toString() : value);
            }
        }
        return a;
    }

    void run(String toolName, String... args) {
        System.out.println("installer: " + toolName + " " + String.join(" ", args));
        int rc = tool(toolName).run(System.out, System.err, args);
        if (rc != 0) {
            throw new BuildFailure(toolName + " failed (exit " + rc + "); see its message above");
        }
    }

    static ToolProvider tool(String name) {
        return ToolProvider.findFirst(name).orElseThrow(() -> new BuildFailure(
                "this JDK has no " + name + " (needs a full JDK 17+, jmods included)"));
    }

    // ---------------------------------------------------------------- sizes

    void reportSizes(long seconds) {
        StringBuilder sb = new StringBuilder("ChartLens " + version + " installer sizes (" + platform + ", "
                + Runtime.version() + ")\n");
        sizes.forEach((k, v) -> sb.append(String.format("  %-50s %s%n", k, v)));
        writeString(out.resolve("sizes.txt"), sb.toString());
        System.out.print(sb);
        System.out.println("installer: done in " + seconds + " s");
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    static long treeSize(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- small file and arg helpers

    /** Turns a Maven version into what jpackage accepts: digits and dots (0.1.0-SNAPSHOT -> 0.1.0). */
    static String appVersion(String v) {
        String numeric = v.replaceAll("[^0-9.].*$", "").replaceAll("\\.$", "");
        if (!numeric.matches("\\d+(\\.\\d+){0,3}")) {
            throw new BuildFailure("cannot make a package version from '" + v + "'");
        }
        return numeric;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new BuildFailure("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                m.put(key.substring(0, eq), key.substring(eq + 1));
            } else {
                m.put(key, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
            }
        }
        return m;
    }

    static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null || v.isBlank()) {
            throw new BuildFailure("missing --" + key);
        }
        return v;
    }

    static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    static List<Path> jarsIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("no output");
    }

    static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createDirectories(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
                    .collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    static final class BuildFailure extends RuntimeException {
        BuildFailure(String message) {
            super(message);
        }
    }
}
