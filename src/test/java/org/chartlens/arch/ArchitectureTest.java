package org.chartlens.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.chartlens.store.CachedPatient;
import org.chartlens.store.ChartStore;
import org.chartlens.store.Freshness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, kept by the build rather than by reviewers. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.chartlens");
    }

    @Test
    void layersOnlyDependOnWhatTheArchitectureAllows() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("app").definedBy("org.chartlens.app..")
                .layer("ui").definedBy("org.chartlens.ui..")
                .layer("report").definedBy("org.chartlens.report..")
                .layer("clinical").definedBy("org.chartlens.clinical..")
                .layer("identity").definedBy("org.chartlens.identity..")
                .layer("sync").definedBy("org.chartlens.sync..")
                .layer("store").definedBy("org.chartlens.store..")
                .layer("fhir").definedBy("org.chartlens.fhir..")
                .layer("auth").definedBy("org.chartlens.auth..")
                .layer("connect").definedBy("org.chartlens.connect..")
                .layer("domain").definedBy("org.chartlens.domain..")
                .layer("sandbox").definedBy("org.chartlens.sandbox..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("sync").mayOnlyBeAccessedByLayers("app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "app")
                .whereLayer("clinical").mayOnlyBeAccessedByLayers("report", "ui", "app")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("clinical", "ui", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("sync", "clinical", "report", "ui", "app")
                .whereLayer("fhir").mayOnlyBeAccessedByLayers("sync", "app")
                .whereLayer("auth").mayOnlyBeAccessedByLayers("fhir", "sync", "app")
                .whereLayer("connect").mayOnlyBeAccessedByLayers("auth", "fhir", "sync", "ui", "app")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("connect", "auth", "fhir", "sync",
                        "store", "clinical", "identity", "report", "ui", "app")
                .whereLayer("sandbox").mayOnlyBeAccessedByLayers("app")
                .check(classes);
    }

    @Test
    void clinicalReadsTheStoreOnlyThroughItsInterfaceAndOnlyInTheChartQuery() {
        // The builders stay pure functions of domain records; reading the cache is ChartQuery's
        // job alone, and only through the ChartStore contract (never ChartCache or SQL).
        noClasses().that().resideInAPackage("org.chartlens.clinical..")
                .and().doNotHaveFullyQualifiedName("org.chartlens.clinical.ChartQuery")
                .and().doNotHaveFullyQualifiedName("org.chartlens.clinical.ChartData")
                .should().dependOnClassesThat().resideInAPackage("org.chartlens.store..")
                .check(classes);
        noClasses().that().resideInAPackage("org.chartlens.clinical..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.chartlens.store..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                                ChartStore.class, CachedPatient.class, Freshness.class))))
                .check(classes);
    }

    /** The referral summary (issue 17) reads the store only as the chart's freshness, never the cache. */
    @Test
    void reportTakesTheChartAsGivenAndReadsNoStore() {
        noClasses().that().resideInAPackage("org.chartlens.report..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.chartlens.store..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Freshness.class))))
                .check(classes);
        noClasses().that().resideInAPackage("org.chartlens.report..")
                .should().dependOnClassesThat().belongToAnyOf(org.chartlens.clinical.ChartQuery.class)
                .check(classes);
    }

    @Test
    void sandboxSharesNoCodeWithTheClientSide() {
        noClasses().that().resideInAPackage("org.chartlens.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.chartlens.app..", "org.chartlens.ui..", "org.chartlens.report..", "org.chartlens.clinical..",
                        "org.chartlens.sync..", "org.chartlens.store..", "org.chartlens.fhir..",
                        "org.chartlens.auth..", "org.chartlens.connect..", "org.chartlens.domain..",
                        "org.chartlens.identity..")
                .check(classes);
    }

    /** Person matching is pure: the JDK, Jackson (to read a Patient) and the domain, nothing else. */
    @Test
    void identityUsesOnlyTheJdkJacksonAndTheDomain() {
        classes().that().resideInAPackage("org.chartlens.identity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "org.chartlens.identity..", "org.chartlens.domain..")
                .check(classes);
    }

    @Test
    void onlyUiAndTheLauncherTouchJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.chartlens.ui..", "org.chartlens.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyStoreTouchesJdbc() {
        noClasses().that().resideOutsideOfPackage("org.chartlens.store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }

    @Test
    void domainUsesOnlyTheJdk() {
        classes().that().resideInAPackage("org.chartlens.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.chartlens.domain..")
                .check(classes);
    }

    /**
     * Decision 0301: HAPI where its parser earns its place (the demo EHR's XML, the bench's peer,
     * and {@code fhir.XmlBodies}: an XML-only server's replies turned once into JSON).
     */
    @Test
    void hapiOnlyWhereTheDecisionAllows() {
        noClasses().that().resideOutsideOfPackages("org.chartlens.sandbox..", "org.chartlens.app.bench..")
                .and().doNotHaveFullyQualifiedName("org.chartlens.fhir.XmlBodies")
                .and().doNotHaveFullyQualifiedName("org.chartlens.fhir.XmlBodies$Holder")
                .should().dependOnClassesThat().resideInAPackage("ca.uhn.fhir..")
                .check(classes);
        // the R4 model jar's plain ResourceType enum names the known types in the lenient parse report
        noClasses().that().resideOutsideOfPackages("org.chartlens.sandbox..", "org.chartlens.app.bench..",
                        "org.chartlens.sync..")
                .and().doNotHaveFullyQualifiedName("org.chartlens.fhir.XmlBodies")
                .should().dependOnClassesThat().resideInAPackage("org.hl7.fhir..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.chartlens.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Not between layers, nor between any two packages at any depth (app and app.cli, ui and ui.shell...). */
    @Test
    void noCyclesAtAnyPackageDepth() {
        slices().matching("org.chartlens.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The views' ports are plain Java: what the UI may ask of the rest, testable without a stage. */
    @Test
    void viewPortsAreFreeOfJavaFxAndOfTheViews() {
        noClasses().that().resideInAPackage("org.chartlens.ui.port..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.chartlens.ui.shell..",
                        "org.chartlens.ui.chart..", "org.chartlens.ui.lock..", "org.chartlens.ui.worklist..",
                        "org.chartlens.ui.common..")
                .check(classes);
    }
}
