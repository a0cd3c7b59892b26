package org.chartlens.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.chartlens.clinical.ParsedChart;
import org.chartlens.clinical.PatientSummaries;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.PatientSummary;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Referral;
import org.chartlens.store.ChartCache;
import org.chartlens.store.StoredResource;
import org.chartlens.ui.port.ChangeSignal;
import org.chartlens.ui.port.ChangesPort;
import org.chartlens.ui.port.ReferralsPort;

/**
 * The referral list over the cache (issue 17, the clinic day), for both front ends: each listed
 * person with the first record's name and birth date and the organizations' names, by due day
 * ({@code store.Referrals} keeps the list and audits its changes). The desktop's
 * {@link ReferralsPort} too. Blocking: never on the FX thread.
 */
public final class ReferralList {
    private ReferralList() {
    }

    /** Everyone on the list, by due day, as a user reads them. */
    public static List<ReferralsPort.Entry> entries(ChartCache cache, OrganizationNames names) {
        List<ReferralsPort.Entry> out = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (Referral r : cache.referrals().list()) {
            PatientRef first = r.person().records().get(0);
            String name = "";
            String born = "";
            StoredResource patient = cache.resource(first.org(), "Patient", first.id()).orElse(null);
            if (patient != null) {
                PatientSummary s = PatientSummaries.of(ParsedChart.of(List.of(new RawResource(first.org(), "Patient",
                        first.id(), first.id(), null, null, null, patient.json()))), today);
                name = s.name();
                born = s.birthDate() == null ? "" : s.birthDate().dateOnly();
            }
            out.add(new ReferralsPort.Entry(r.person().id(), r.person().records(), name, born,
                    r.person().records().stream().map(x -> names.apply(x.org())).toList(), r.due(), r.reason()));
        }
        return out;
    }

    /** The desktop's port; every change is audited from {@code source} and published as {@link ChangesPort.Kind#REFERRALS}. */
    static ReferralsPort port(Supplier<ChartCache> cache, Supplier<OrganizationNames> names, ChangeSignal changes) {
        return new ReferralsPort() {
            @Override
            public List<Entry> list() {
                return entries(cache.get(), names.get());
            }

            @Override
            public void add(PatientRef record, LocalDate due, String reason, String source) {
                cache.get().referrals().add(record, due, reason, source);
                changes.publish(ChangesPort.Kind.REFERRALS, record.org(), null);
            }

            @Override
            public void change(PatientRef record, LocalDate due, String reason, String source) {
                cache.get().referrals().change(record, due, reason, source);
                changes.publish(ChangesPort.Kind.REFERRALS, record.org(), null);
            }

            @Override
            public void remove(PatientRef record, String source) {
                cache.get().referrals().remove(record, source);
                changes.publish(ChangesPort.Kind.REFERRALS, record.org(), null);
            }
        };
    }
}
