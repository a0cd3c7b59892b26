package org.chartlens.ui.shell;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.chartlens.connect.Organization;
import org.chartlens.connect.OrganizationDirectory;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.OrganizationsPort;
import org.chartlens.ui.port.ServerCheck;

/**
 * The add / edit organization form: its name, FHIR base (fixed once added: it is the
 * organization's identity), client id, sign-in flow and scopes. Adding checks the server at once
 * (CapabilityStatement, SMART discovery, in the background) and says what it found; an address
 * with no FHIR server is refused, as are a blank name and a blank client id (every flow sends
 * one). Properties: FX thread. Testable without a stage.
 */
public final class OrganizationEditorViewModel {
    /** Scopes a new organization asks for, by flow. */
    static final List<String> USER_SCOPES = List.of("openid", "fhirUser", "offline_access", "user/*.read");
    static final List<String> SYSTEM_SCOPES = List.of("system/*.read");

    private final OrganizationsPort port;
    private final TaskExecutor tasks;
    private final Organization editing;
    private final BiConsumer<Organization, Boolean> onSaved;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty scopes = new SimpleStringProperty("");
    private final ObjectProperty<Organization.Flow> flow = new SimpleObjectProperty<>(Organization.Flow.PKCE);
    private final ReadOnlyStringWrapper found = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper foundOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanProperty done = new SimpleBooleanProperty();
    /** The address the last check was about, and its result. */
    private String checkedUrl;
    private ServerCheck checked;

    /**
     * @param editing the organization edited, or null to add one
     * @param onSaved runs (FX thread) with the stored organization and whether it was added
     */
    public OrganizationEditorViewModel(OrganizationsPort port, TaskExecutor tasks, Organization editing,
                                       BiConsumer<Organization, Boolean> onSaved) {
        this.port = port;
        this.tasks = tasks;
        this.editing = editing;
        this.onSaved = onSaved;
        if (editing != null) {
            name.set(editing.name() == null ? "" : editing.name());
            url.set(editing.fhirBase() == null ? "" : editing.fhirBase().toString());
            clientId.set(editing.clientId() == null ? "" : editing.clientId());
            flow.set(editing.flow());
            scopes.set(String.join(" ", editing.scopes()));
        } else {
            scopes.set(String.join(" ", USER_SCOPES));
        }
        url.addListener((o, a, b) -> {
            found.set("");
            foundOk.set(false);
            error.set("");
        });
        flow.addListener((o, was, now) -> {
            // the default scopes follow the flow until the user types their own
            if (scopes.get().equals(String.join(" ", defaults(was)))) {
                scopes.set(String.join(" ", defaults(now)));
            }
        });
    }

    static List<String> defaults(Organization.Flow f) {
        return f == Organization.Flow.BACKEND ? SYSTEM_SCOPES : USER_SCOPES;
    }

    /** True when adding; false when editing (the FHIR base is then fixed). */
    public boolean adding() {
        return editing == null;
    }

    /**
     * The FHIR base can be typed: when adding, and for a preset that has none yet (the user's own
     * server of that vendor). Otherwise it is the organization's identity and stays.
     */
    public boolean baseEditable() {
        return editing == null || (editing.fhirBase() == null && editing.sandboxProfile() == null);
    }

    /** The flows the user may choose: the password flow only for a preset that documents it. */
    public List<Organization.Flow> flows() {
        return editing != null && editing.passwordGrantAllowed() ? Arrays.asList(Organization.Flow.values())
                : List.of(Organization.Flow.PKCE, Organization.Flow.SECRET, Organization.Flow.BACKEND);
    }

    /** The FHIR base as typed: https (http only for this computer), no trailing slash; null when not an address. */
    static URI parse(String typed) {
        try {
            URI u = URI.create(typed.trim().replaceAll("/+$", ""));
            return u.getScheme() == null || u.getHost() == null ? null : u;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks the typed address in the background and says what was found. */
    public void check() {
        check(() -> { });
    }

    private void check(Runnable thenIfUsable) {
        String typed = url.get().trim();
        URI base = parse(typed);
        if (base == null) {
            found.set("");
            error.set("That is not a valid address: type the FHIR base URL, e.g. https://fhir.example.org/r4.");
            return;
        }
        if (typed.equals(checkedUrl) && checked != null) {
            shown(checked, thenIfUsable);
            return;
        }
        busy.set(true);
        error.set("");
        found.set("Checking " + base.getHost() + "…");
        tasks.submit(() -> port.check(base), c -> {
            busy.set(false);
            if (!typed.equals(url.get().trim())) {
                return; // the user typed another address meanwhile
            }
            checkedUrl = typed;
            checked = c;
            shown(c, thenIfUsable);
        }, e -> {
            busy.set(false);
            found.set("");
            error.set("The server could not be checked: " + OrganizationsViewModel.why(e));
        });
    }

    private void shown(ServerCheck c, Runnable thenIfUsable) {
        foundOk.set(c.usable());
        if (c.usable()) {
            found.set(c.summary());
            error.set("");
            if (name.get().isBlank() && c.suggestedName() != null) {
                name.set(c.suggestedName());
            }
            thenIfUsable.run();
        } else {
            found.set("");
            error.set(c.summary());
        }
    }

    /** Saves (adding: after the check passed); {@link #doneProperty()} turns true once stored. */
    public void save() {
        if (name.get().isBlank()) {
            error.set("Name the organization (as you and your colleagues call it).");
            return;
        }
        if (clientId.get().isBlank()) {
            error.set("Enter the client id the organization gave you when ChartLens was registered with it.");
            return;
        }
        List<String> sc = Arrays.stream(scopes.get().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (editing != null && !baseEditable()) {
            store(new Organization(editing.id(), name.get().trim(), editing.fhirBase(), flow.get(), clientId.get().trim(),
                    sc.isEmpty() ? defaults(flow.get()) : sc, editing.quirks(), editing.sandboxProfile(),
                    editing.preset(), editing.description()));
            return;
        }
        if (editing != null) {
            check(() -> store(new Organization(editing.id(), name.get().trim(), parse(url.get()), flow.get(),
                    clientId.get().trim(), sc.isEmpty() ? defaults(flow.get()) : sc, editing.quirks(), null,
                    editing.preset(), editing.description())));
            return;
        }
        check(() -> {
            URI base = parse(url.get());
            String n = name.get().trim();
            String id = OrganizationDirectory.idFor(n).isEmpty() ? OrganizationDirectory.idFor(base.getHost())
                    : OrganizationDirectory.idFor(n);
            store(new Organization(id, n, base, flow.get(), clientId.get().trim(), sc.isEmpty() ? defaults(flow.get()) : sc,
                    Set.of(Organization.Quirk.DISCOVERY_REQUIRED), null, false,
                    "Added by you. Registered with " + base.getHost() + " as client " + clientId.get().trim() + "."));
        });
    }

    private void store(Organization org) {
        busy.set(true);
        error.set("");
        tasks.submit(() -> port.saveOrganization(org), saved -> {
            busy.set(false);
            onSaved.accept(saved, editing == null);
            done.set(true);
        }, e -> {
            busy.set(false);
            error.set("The organization could not be saved: " + OrganizationsViewModel.why(e));
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty scopesProperty() {
        return scopes;
    }

    public ObjectProperty<Organization.Flow> flowProperty() {
        return flow;
    }

    /** What the check found ("Found a FHIR server (FHIR 4.0.1), … Sign-in: …"), or "". */
    public ReadOnlyStringProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty foundOkProperty() {
        return foundOk.getReadOnlyProperty();
    }

    /** Why the organization cannot be saved as it is, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A check or a save is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once saved (the dialog closes). */
    public ReadOnlyBooleanProperty doneProperty() {
        return BooleanProperty.readOnlyBooleanProperty(done);
    }
}
