package org.chartlens.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.chartlens.app.DesktopServices;
import org.chartlens.app.ScriptedBrowser;
import org.chartlens.auth.Browser;
import org.chartlens.connect.Organization;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.common.BackgroundTaskExecutor;
import org.chartlens.ui.shell.OrganizationDialog;
import org.chartlens.ui.shell.OrganizationsView;
import org.chartlens.ui.shell.OrganizationsViewModel;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, organizations a user can manage, on the desktop's real services (headless): adding
 * checks the server at once (an unreachable one is refused with a message, the demo EHR is
 * found and added under the name the user gave); editing the client id, flow and scopes;
 * removing keeps or deletes the cached charts; a sign-in abandoned in the browser is cancelled,
 * then retried and completed with Open again.
 */
class OrganizationsDesktopTest {
    @TempDir
    Path data;
    DesktopServices services;
    BackgroundTaskExecutor tasks;
    OrganizationsView view;

    @BeforeEach
    void show() throws Exception {
        Fx.stage();
        services = new DesktopServices(data, Map.of("CHARTLENS_PASSPHRASE", "organizations-e2e", "CHARTLENS_SECRET_STORE", "file"));
        assertTrue(services.ports().lock().unlock("organizations-e2e".toCharArray()));
        // the user's organizations start empty (the welcome screen's case); the demo is one once opened
        services.saveOrganization(services.context().organizations().require("demo"));
        tasks = new BackgroundTaskExecutor(2);
        view = Fx.call(() -> new OrganizationsView(new OrganizationsViewModel(services.ports().organizations(),
                services.ports().signIn(), tasks, Platform::runLater, id -> { })));
        Fx.show(view);
        waitFor(() -> !view.table().getItems().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> {
            if (view.dialog() != null) {
                view.dialog().close();
            }
            if (view.removeDialog() != null) {
                view.removeDialog().close();
            }
        });
        tasks.close();
        services.context().close();
    }

    static void waitFor(Callable<Boolean> c) throws Exception {
        for (int i = 0; i < 600 && !Fx.call(c); i++) {
            Thread.sleep(50);
        }
        assertTrue(Fx.call(c));
    }

    Node inDialog(String id) throws Exception {
        return Fx.call(() -> view.dialog().getDialogPane().lookup("#" + id));
    }

    /** A node of the dialog; FX thread. */
    Node dlg(String id) {
        return view.dialog().getDialogPane().lookup("#" + id);
    }

    void type(String id, String text) throws Exception {
        TextField f = (TextField) inDialog(id);
        Fx.run(() -> f.setText(text));
    }

    void select(String name) throws Exception {
        Fx.run(() -> view.table().getSelectionModel().select(view.table().getItems().stream()
                .filter(r -> r.org().name().equals(name)).findFirst().orElseThrow()));
    }

    void click(String id) throws Exception {
        Fx.run(() -> ((Button) view.lookup("#" + id)).fire());
    }

    Organization org(String name) throws Exception {
        return Fx.call(() -> view.table().getItems().stream().map(OrganizationsViewModel.Row::org)
                .filter(o -> o.name().equals(name)).findFirst().orElse(null));
    }

    /** Adds the embedded demo EHR's veracity profile as "My Clinic" through the dialog. */
    Organization addMyClinic(String name) throws Exception {
        URI base = services.context().startEmbeddedDemo("veracity");
        click("org-add");
        type("org-name", name);
        type("org-url", base.toString());
        type("org-client-id", "chartlens");
        Fx.run(() -> ((Button) dlg("org-save")).fire());
        waitFor(() -> !view.dialog().isShowing());
        waitFor(() -> view.table().getItems().stream().anyMatch(r -> r.org().name().equals(name)));
        return org(name);
    }

    @Test
    void anUnreachableServerIsRefusedWithAMessageAndAReachableOneIsAddedUnderTheUsersName() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        int before = Fx.call(() -> view.table().getItems().size());
        click("org-add");
        type("org-name", "Nowhere Clinic");
        type("org-client-id", "chartlens");
        type("org-url", "http://127.0.0.1:" + closedPort + "/fhir");
        Fx.run(() -> ((Button) dlg("org-save")).fire());
        waitFor(() -> !((Label) dlg("org-error")).getText().isEmpty());
        assertEquals("127.0.0.1 could not be reached. Check the address and your network.",
                Fx.call(() -> ((Label) dlg("org-error")).getText()));
        assertTrue(Fx.call(() -> view.dialog().isShowing()), "the dialog stays open with the reason");
        screenshot(Fx.call(() -> view.dialog().getDialogPane()), "organization-add-refused");
        Fx.run(() -> view.dialog().close());
        Thread.sleep(300);
        assertEquals(before, (int) Fx.call(() -> view.table().getItems().size()), "nothing was added");

        // a blank client id is refused before anything is saved
        click("org-add");
        type("org-name", "Riverside Clinic");
        type("org-url", services.context().startEmbeddedDemo("veracity").toString());
        Fx.run(() -> ((Button) dlg("org-check")).fire());
        waitFor(() -> ((Label) dlg("org-found")).getText().startsWith("Found a FHIR server"));
        assertTrue(Fx.call(() -> ((Label) dlg("org-found")).getText()).contains("(SMART)"),
                Fx.call(() -> ((Label) dlg("org-found")).getText()));
        screenshot(Fx.call(() -> view.dialog().getDialogPane()), "organization-add-found");
        Fx.run(() -> ((Button) dlg("org-save")).fire());
        assertTrue(Fx.call(() -> ((Label) dlg("org-error")).getText()).startsWith("Enter the client id"));
        Fx.run(() -> view.dialog().close());

        Organization mine = addMyClinic("My Clinic");
        assertFalse(mine.preset());
        assertEquals("my-clinic", mine.id());
        assertTrue(Fx.call(() -> ((Label) view.lookup("#organizations-message")).getText()).startsWith("Added My Clinic."));
    }

    @Test
    void editingChangesClientIdFlowAndScopesAndRemovingKeepsOrDeletesTheCharts() throws Exception {
        Organization mine = addMyClinic("My Clinic");
        select("My Clinic");
        click("org-edit");
        assertFalse(Fx.call(() -> ((TextField) dlg("org-url")).isEditable()), "the FHIR base is the identity");
        type("org-client-id", "chartlens-2");
        Fx.run(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Organization.Flow> flow = (ComboBox<Organization.Flow>) view.dialog().getDialogPane().lookup("#org-flow");
            flow.setValue(Organization.Flow.SECRET);
        });
        type("org-scopes", "openid fhirUser patient/*.read");
        screenshot(Fx.call(() -> view.dialog().getDialogPane()), "organization-edit");
        Fx.run(() -> ((Button) dlg("org-save")).fire());
        waitFor(() -> !view.dialog().isShowing());
        waitFor(() -> "chartlens-2".equals(org("My Clinic").clientId()));
        Organization edited = services.context().organizations().require(mine.id());
        assertEquals(Organization.Flow.SECRET, edited.flow());
        assertEquals(List.of("openid", "fhirUser", "patient/*.read"), edited.scopes());
        assertEquals(mine.fhirBase(), edited.fhirBase());

        // a second organization with a cached chart each: one removed keeping it, one deleting it
        Organization other = addMyClinic2();
        cache(mine.id(), "p-mine");
        cache(other.id(), "p-other");
        Fx.run(() -> view.viewModel().refresh());
        waitFor(() -> view.table().getItems().stream().filter(r -> r.cachedPatients() == 1).count() == 2);

        select("My Clinic");
        click("org-remove");
        assertTrue(Fx.call(() -> view.removeDialog().getContentText()).contains("1 patient's chart"));
        screenshot(Fx.call(() -> view.removeDialog().getDialogPane()), "organization-remove");
        Fx.run(() -> ((Button) view.removeDialog().getDialogPane().lookupButton(OrganizationsView.KEEP)).fire());
        waitFor(() -> org("My Clinic") == null);
        assertEquals(List.of("p-mine"), patients(mine.id()), "kept");

        select("Second Clinic");
        click("org-remove");
        Fx.run(() -> ((Button) view.removeDialog().getDialogPane().lookupButton(OrganizationsView.DELETE)).fire());
        waitFor(() -> org("Second Clinic") == null);
        assertEquals(List.of(), patients(other.id()), "deleted");
        assertTrue(services.context().organizations().find(other.id()).isEmpty());
    }

    /** A second server (the insync profile) on the same host. */
    Organization addMyClinic2() throws Exception {
        URI base = services.context().startEmbeddedDemo("insync");
        click("org-add");
        type("org-name", "Second Clinic");
        type("org-url", base.toString());
        type("org-client-id", "chartlens");
        Fx.run(() -> ((Button) dlg("org-save")).fire());
        waitFor(() -> !view.dialog().isShowing());
        waitFor(() -> view.table().getItems().stream().anyMatch(r -> r.org().name().equals("Second Clinic")));
        return org("Second Clinic");
    }

    void cache(String org, String patient) {
        services.context().cache().putAll(List.of(new StoredResource(org, "Patient", patient, patient, null, null, null,
                "{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\"}")));
    }

    List<String> patients(String org) {
        return services.context().cache().patients().stream().filter(p -> p.org().equals(org)).map(p -> p.id()).toList();
    }

    @Test
    void aSignInAbandonedInTheBrowserIsCancelledThenRetriedAndCompleted() throws Exception {
        List<URI> shown = new CopyOnWriteArrayList<>();
        Browser abandoned = shown::add; // the page opens; the user closes it without signing in
        services.useBrowser(abandoned);
        select("Demo EHR (built in)");
        String demo = Fx.call(() -> view.table().getSelectionModel().getSelectedItem().org().name());
        assertEquals("Sign in", Fx.call(() -> ((Button) view.lookup("#org-primary")).getText()),
                "not signed in: a sync could not work, the button says Sign in");
        click("org-primary");
        waitFor(() -> view.lookup("#sign-in-pending").isVisible());
        assertEquals(1, shown.size());
        screenshot(view, "organizations-sign-in-waiting");
        click("sign-in-copy-link");
        assertEquals(shown.get(0).toString(), Fx.call(() -> Clipboard.getSystemClipboard().getString()));
        click("sign-in-cancel");
        assertFalse(Fx.call(() -> view.lookup("#sign-in-pending").isVisible()));
        assertEquals("Sign-in to " + demo + " cancelled.", message());

        // retried: abandoned again at first, then "Open again" in a browser that completes it
        click("org-primary");
        waitFor(() -> view.lookup("#sign-in-pending").isVisible());
        assertEquals(2, shown.size());
        services.useBrowser(new ScriptedBrowser());
        click("sign-in-open-again");
        waitFor(() -> ((Label) view.lookup("#organizations-message")).getText().equals("Signed in to " + demo + "."));
        assertFalse(Fx.call(() -> view.lookup("#sign-in-pending").isVisible()));
        select(demo);
        waitFor(() -> "Sync".equals(((Button) view.lookup("#org-primary")).getText()));
        Thread.sleep(500);
        assertEquals("Signed in to " + demo + ".", message(), "nothing of the cancelled attempt shows");
        assertNull(Fx.call(() -> view.table().getItems().stream().filter(r -> r.org().name().equals(demo))
                .findFirst().orElseThrow().status().lastError()), "no error beside the signed-in organization");
    }

    /**
     * Saves a PNG of {@code node} to target/screenshots, and to docs/screenshots with
     * {@code -Dchartlens.updateScreenshots=true}.
     */
    static void screenshot(Node node, String name) throws Exception {
        Fx.settle();
        java.awt.image.BufferedImage img = Fx.call(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(
                node.snapshot(null, null), null));
        List<Path> to = Boolean.getBoolean("chartlens.updateScreenshots")
                ? List.of(Path.of("target/screenshots"), Path.of("docs/screenshots")) : List.of(Path.of("target/screenshots"));
        for (Path dir : to) {
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
        }
    }

    String message() throws Exception {
        return Fx.call(() -> ((Label) view.lookup("#organizations-message")).getText());
    }
}
