package org.chartlens.ui.shell;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.connect.Organization;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.DemoPort;
import org.chartlens.ui.port.OrganizationsPort;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.port.SyncPort;

/**
 * The first-run screen's state: the organization presets, opening the demo (with its progress
 * line) and adding an organization (a preset, or any FHIR base URL, checked here). Port calls
 * run on the task executor; outcomes go to the status area and to the handlers the shell sets.
 * Properties: FX thread. Testable without a stage.
 */
public final class WelcomeViewModel {
    private final OrganizationsPort organizations;
    private final DemoPort demo;
    private final TaskExecutor tasks;
    private final StatusViewModel status;
    private final ObservableList<Organization> presets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper demoMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demoRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper addressMessage = new ReadOnlyStringWrapper("");
    private Consumer<PatientRef> onDemoOpened = r -> { };
    private Consumer<Organization> onAdded = o -> { };
    private java.util.function.BiConsumer<String, String> onAddAddress;

    public WelcomeViewModel(OrganizationsPort organizations, DemoPort demo, TaskExecutor tasks, StatusViewModel status) {
        this.organizations = organizations;
        this.demo = demo;
        this.tasks = tasks;
        this.status = status;
    }

    /** Runs (FX thread) with the demo patient once the demo organization is open. */
    public void setOnDemoOpened(Consumer<PatientRef> c) {
        onDemoOpened = c;
    }

    /** Runs (FX thread) with the organization once it is saved. */
    public void setOnAdded(Consumer<Organization> c) {
        onAdded = c;
    }

    /**
     * Reads the presets and starts the screen afresh (demo button enabled, no messages);
     * {@code then} runs on the FX thread once they are in {@link #presets()}.
     */
    public void load(Runnable then) {
        tasks.submit(organizations::presets, list -> {
            demoRunning.set(false);
            demoMessage.set("");
            addressMessage.set("");
            // the demo has its own button
            presets.setAll(list.stream().filter(o -> o.sandboxProfile() == null || !o.id().equals("demo")).toList());
            then.run();
        }, e -> status.error("The organization presets could not be read."));
    }

    /** Opens the demo organization: demo EHR, sign-in, sync of the first patient. */
    public void openDemo() {
        demoRunning.set(true);
        demoMessage.set("Starting the demo organization, signing in and syncing…");
        SyncPort.Listener progress = status.listener(() -> { });
        tasks.submit(() -> demo.openDemo(progress), ref -> onDemoOpened.accept(ref), e -> {
            String why = e.getMessage() == null ? "unknown reason" : e.getMessage();
            status.error("The demo organization could not be opened: " + why);
            demoMessage.set("Could not open the demo: " + why);
            demoRunning.set(false);
        });
    }

    /**
     * Runs (FX thread) with a typed address and client id instead of saving them here: the shell
     * opens the organization form, which checks the server and asks for a name.
     */
    public void setOnAddAddress(java.util.function.BiConsumer<String, String> c) {
        onAddAddress = c;
    }

    /** Adds a preset (or any organization the user described). */
    public void add(Organization org) {
        tasks.submit(() -> organizations.saveOrganization(org), saved -> {
            status.info("Added " + saved.name() + ". Sign in from Organizations.");
            onAdded.accept(saved);
        }, e -> status.error("The organization could not be saved."));
    }

    /**
     * Adds the organization at a FHIR base URL the user typed, or says next to the field why
     * not: https only (http for this computer).
     */
    public void addAddress(String url, String clientId) {
        Organization org;
        try {
            URI u = URI.create(url.trim().replaceAll("/+$", ""));
            if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getHost().equals("127.0.0.1")
                    || u.getHost().equals("localhost"))) {
                addressMessage.set("Use an https:// address (http only for this computer).");
                return;
            }
            if (onAddAddress != null) {
                onAddAddress.accept(u.toString(), clientId == null ? "" : clientId.trim());
                return;
            }
            String id = u.getHost().replaceAll("[^a-zA-Z0-9]+", "-").toLowerCase();
            org = new Organization(id, u.getHost(), u, Organization.Flow.PKCE,
                    clientId == null || clientId.isBlank() ? null : clientId.trim(),
                    List.of("openid", "fhirUser", "offline_access", "user/*.read"), Set.of(Organization.Quirk.DISCOVERY_REQUIRED),
                    null, false, "Added by you. Needs a client id registered with " + u.getHost() + ".");
        } catch (RuntimeException ex) {
            addressMessage.set("That is not a valid address.");
            return;
        }
        add(org);
    }

    /** The user edits the address: the complaint about the last one goes. */
    public void addressEdited() {
        addressMessage.set("");
    }

    /** The presets (without the demo), read-only. */
    public ObservableList<Organization> presets() {
        return FXCollections.unmodifiableObservableList(presets);
    }

    public ReadOnlyStringProperty demoMessageProperty() {
        return demoMessage.getReadOnlyProperty();
    }

    /** True from the click on the demo button until it failed (the button is disabled meanwhile). */
    public ReadOnlyBooleanProperty demoRunningProperty() {
        return demoRunning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressMessageProperty() {
        return addressMessage.getReadOnlyProperty();
    }
}
