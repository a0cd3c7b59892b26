package org.chartlens.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chartlens.identity.Evidence.Agreement;
import org.chartlens.identity.Evidence.Field;

/**
 * Compares two records field by field, Fellegi-Sunter style: each field's comparison level gets
 * the weight ln(m/u) ({@link MatchWeights}, {@link ValueFrequencies}); the score is their sum.
 * Identifiers are not part of the sum: a shared identifier proposes the pair on its own and,
 * with the same birth date and no conflicting sex, makes it strong. Stateless apart from the
 * frequencies it was made with.
 */
final class PairScorer {
    private final ValueFrequencies freq;
    private final Nicknames nicknames;

    PairScorer(ValueFrequencies freq, Nicknames nicknames) {
        this.freq = freq;
        this.nicknames = nicknames;
    }

    Candidate compare(NormalizedRecord a, NormalizedRecord b) {
        List<Evidence> ev = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        boolean identifierConflict = identifiers(a, b, ev, conflicts);
        if (!swappedNames(a, b, ev)) {
            givenName(a, b, ev);
            familyName(a, b, ev);
        }
        middleName(a, b, ev);
        Agreement dob = birthDate(a, b, ev, conflicts);
        Agreement sex = sex(a, b, ev, conflicts);
        contact(Field.POSTAL_CODE, "postal code", a.postalCodes(), b.postalCodes(), ev, true);
        contact(Field.PHONE, "phone", a.phones(), b.phones(), ev, false);
        double score = 0;
        for (Evidence e : ev) {
            score += e.weight();
        }
        boolean shared = ev.stream().anyMatch(e -> e.field() == Field.IDENTIFIER && e.agreement() == Agreement.AGREE);
        boolean strong = shared && dob == Agreement.AGREE && sex != Agreement.DISAGREE && !identifierConflict;
        return new Candidate(RecordPair.of(a.key(), b.key()), score, strong, ev, conflicts);
    }

    private static String org(NormalizedRecord r) {
        return r.key().organizationId();
    }

    // ---- identifiers ----

    private boolean identifiers(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev, List<String> conflicts) {
        boolean conflict = false;
        for (Map.Entry<String, NormalizedRecord.Ident> e : a.identifiers().entrySet()) {
            NormalizedRecord.Ident ia = e.getValue();
            NormalizedRecord.Ident ib = b.identifiers().get(e.getKey());
            if (ib != null) {
                // the value stays out of the words: they may be printed or logged; the banner shows identifiers
                StringBuilder t = new StringBuilder("same identifier at ").append(ia.system());
                List<String> spellings = new ArrayList<>();
                if (!ia.rawSystem().equals(ia.system())) {
                    spellings.add(org(a) + " writes " + ia.rawSystem() + describe(ia.rawSystem()));
                }
                if (!ib.rawSystem().equals(ib.system()) && !ib.rawSystem().equals(ia.rawSystem())) {
                    spellings.add(org(b) + " writes " + ib.rawSystem() + describe(ib.rawSystem()));
                }
                if (!spellings.isEmpty()) {
                    t.append(" (").append(String.join("; ", spellings)).append(')');
                }
                ev.add(new Evidence(Field.IDENTIFIER, Agreement.AGREE, 0, t.toString()));
            }
        }
        for (NormalizedRecord.Ident ia : a.identifiers().values()) {
            boolean bHasSystem = b.identifiers().values().stream().anyMatch(i -> i.system().equals(ia.system()));
            boolean anyCommon = a.identifiers().values().stream().filter(i -> i.system().equals(ia.system()))
                    .anyMatch(i -> b.identifiers().containsKey(i.system() + "|" + i.value()));
            if (bHasSystem && !anyCommon && ev.stream().noneMatch(x -> x.text().endsWith("at " + ia.system() + " differ"))) {
                String text = "identifiers at " + ia.system() + " differ";
                ev.add(new Evidence(Field.IDENTIFIER, Agreement.DISAGREE, 0, text));
                conflicts.add(text);
                conflict = true;
            }
        }
        return conflict;
    }

    private static String describe(String raw) {
        if (raw.indexOf('\\') >= 0) {
            return ", with backslashes";
        }
        if (raw.endsWith("/")) {
            return ", with a trailing slash";
        }
        if (raw.toLowerCase(Locale.ROOT).startsWith("urn:oid:") && !raw.startsWith("urn:oid:")) {
            return ", in upper case";
        }
        if (raw.startsWith("urn:oid:")) {
            return ", as an OID";
        }
        return "";
    }

    // ---- names ----

    private boolean swappedNames(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev) {
        for (String[] x : a.nameOrder()) {
            for (String[] y : b.nameOrder()) {
                if (x[0].equals(y[1]) && x[1].equals(y[0]) && !x[0].equals(x[1])) {
                    String text = " agrees with given and family names swapped (" + x[0] + " " + x[1]
                            + " at " + org(a) + ", " + y[0] + " " + y[1] + " at " + org(b) + ")";
                    double[] gm = MatchWeights.givenM();
                    double[] fm = MatchWeights.familyM();
                    ev.add(new Evidence(Field.GIVEN_NAME, Agreement.AGREE,
                            MatchWeights.weight(gm[0], freq.given(x[0])), "given name" + text));
                    ev.add(new Evidence(Field.FAMILY_NAME, Agreement.AGREE,
                            MatchWeights.weight(fm[0], freq.family(x[1])), "family name" + text));
                    return true;
                }
            }
        }
        return false;
    }

    private void givenName(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev) {
        double[] m = MatchWeights.givenM();
        if (a.givenNames().isEmpty() || b.givenNames().isEmpty()) {
            ev.add(new Evidence(Field.GIVEN_NAME, Agreement.MISSING, 0, "given name missing at "
                    + (a.givenNames().isEmpty() ? org(a) : org(b))));
            return;
        }
        for (String x : a.givenNames()) {
            if (b.givenNames().contains(x)) {
                ev.add(new Evidence(Field.GIVEN_NAME, Agreement.AGREE, MatchWeights.weight(m[0], freq.given(x)),
                        "given name " + x + " agrees"));
                return;
            }
        }
        for (String x : a.givenNames()) {
            for (String y : b.givenNames()) {
                if (nicknames.related(x, y)) {
                    boolean xNick = nicknames.isNicknameOf(x, y);
                    boolean yNick = nicknames.isNicknameOf(y, x);
                    if (xNick && yNick) { // the list has both lines: the shorter is the nickname
                        xNick = x.length() < y.length();
                        yNick = !xNick;
                    }
                    String text = xNick ? "given name " + x + " (" + org(a) + ") is a nickname of " + y
                            : yNick ? "given name " + y + " (" + org(b) + ") is a nickname of " + x
                            : "given names " + x + " and " + y + " are a name and its nickname";
                    ev.add(new Evidence(Field.GIVEN_NAME, Agreement.PARTIAL,
                            MatchWeights.weight(m[1], freq.givenPartial(x, nicknames)), text));
                    return;
                }
            }
        }
        for (String x : a.givenNames()) {
            for (String y : b.givenNames()) {
                if (Soundex.of(x).equals(Soundex.of(y))) {
                    ev.add(new Evidence(Field.GIVEN_NAME, Agreement.PARTIAL,
                            MatchWeights.weight(m[1], freq.givenPartial(x, nicknames)),
                            "given names " + x + " and " + y + " sound alike (Soundex " + Soundex.of(x) + ")"));
                    return;
                }
            }
        }
        String x = a.givenNames().get(0);
        ev.add(new Evidence(Field.GIVEN_NAME, Agreement.DISAGREE, MatchWeights.weight(m[2], 1 - freq.given(x)),
                "given names differ: " + x + " / " + b.givenNames().get(0)));
    }

    private void familyName(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev) {
        double[] m = MatchWeights.familyM();
        if (a.familyParts().isEmpty() || b.familyParts().isEmpty()) {
            ev.add(new Evidence(Field.FAMILY_NAME, Agreement.MISSING, 0, "family name missing at "
                    + (a.familyParts().isEmpty() ? org(a) : org(b))));
            return;
        }
        String best = null;
        for (String x : a.familyParts()) {
            if (b.familyParts().contains(x) && (best == null || freq.family(x) < freq.family(best))) {
                best = x;
            }
        }
        if (best != null) {
            String text = "family name " + best + " agrees";
            String multi = a.multiPartFamily() != null ? a.multiPartFamily() + " at " + org(a)
                    : b.multiPartFamily() != null ? b.multiPartFamily() + " at " + org(b) : null;
            if (multi != null) {
                text += " (" + multi + " has several parts)";
            }
            ev.add(new Evidence(Field.FAMILY_NAME, Agreement.AGREE, MatchWeights.weight(m[0], freq.family(best)), text));
            return;
        }
        for (String x : a.familyParts()) {
            for (String y : b.familyParts()) {
                if (Soundex.of(x).equals(Soundex.of(y))) {
                    ev.add(new Evidence(Field.FAMILY_NAME, Agreement.PARTIAL,
                            MatchWeights.weight(m[1], freq.familyPartial(x)),
                            "family names " + x + " and " + y + " sound alike (Soundex " + Soundex.of(x) + ")"));
                    return;
                }
            }
        }
        String x = a.familyParts().get(0);
        ev.add(new Evidence(Field.FAMILY_NAME, Agreement.DISAGREE, MatchWeights.weight(m[2], 1 - freq.family(x)),
                "family names differ: " + x + " / " + b.familyParts().get(0)));
    }

    private static void middleName(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev) {
        if (a.middleNames().isEmpty() == b.middleNames().isEmpty()) {
            return;
        }
        NormalizedRecord with = a.middleNames().isEmpty() ? b : a;
        NormalizedRecord without = with == a ? b : a;
        ev.add(new Evidence(Field.GIVEN_NAME, Agreement.MISSING, 0, "middle name " + with.middleNames().get(0)
                + " recorded at " + org(with) + ", none at " + org(without)));
    }

    // ---- birth date and sex ----

    private static Agreement birthDate(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev, List<String> conflicts) {
        LocalDate x = a.birthDate();
        LocalDate y = b.birthDate();
        double[] m = MatchWeights.birthDateM();
        if (x == null || y == null) {
            ev.add(new Evidence(Field.BIRTH_DATE, Agreement.MISSING, 0, "birth date missing at " + (x == null ? org(a) : org(b))));
            return Agreement.MISSING;
        }
        if (x.equals(y)) {
            ev.add(new Evidence(Field.BIRTH_DATE, Agreement.AGREE, MatchWeights.weight(m[0], MatchWeights.birthDateU()),
                    "birth date " + x + " agrees"));
            return Agreement.AGREE;
        }
        String both = " (" + x + " at " + org(a) + ", " + y + " at " + org(b) + ")";
        if (y.equals(BirthDates.transposed(x))) {
            ev.add(new Evidence(Field.BIRTH_DATE, Agreement.PARTIAL, MatchWeights.weight(m[1], MatchWeights.birthDateU()),
                    "birth date agrees with day and month swapped" + both));
            conflicts.add("birth dates differ" + both);
            return Agreement.PARTIAL;
        }
        int same = (x.getYear() == y.getYear() ? 1 : 0) + (x.getMonthValue() == y.getMonthValue() ? 1 : 0)
                + (x.getDayOfMonth() == y.getDayOfMonth() ? 1 : 0);
        if (same == 2) {
            ev.add(new Evidence(Field.BIRTH_DATE, Agreement.PARTIAL,
                    MatchWeights.weight(m[1], MatchWeights.birthDatePartialU()), "birth date agrees in two of year, month and day" + both));
            conflicts.add("birth dates differ" + both);
            return Agreement.PARTIAL;
        }
        double u = 1 - MatchWeights.birthDateU() - MatchWeights.birthDatePartialU();
        ev.add(new Evidence(Field.BIRTH_DATE, Agreement.DISAGREE, MatchWeights.weight(m[2], u), "birth dates differ" + both));
        conflicts.add("birth dates differ" + both);
        return Agreement.DISAGREE;
    }

    private static Agreement sex(NormalizedRecord a, NormalizedRecord b, List<Evidence> ev, List<String> conflicts) {
        if (!a.hasBinarySex() || !b.hasBinarySex()) {
            ev.add(new Evidence(Field.SEX, Agreement.MISSING, 0, "sex not compared (" + show(a.sex()) + " / " + show(b.sex()) + ")"));
            return Agreement.MISSING;
        }
        double[] m = MatchWeights.sexM();
        double u = MatchWeights.sexAgreeU();
        if (a.sex().equals(b.sex())) {
            ev.add(new Evidence(Field.SEX, Agreement.AGREE, MatchWeights.weight(m[0], u), "sex " + a.sex() + " agrees"));
            return Agreement.AGREE;
        }
        String text = "sex differs (" + a.sex() + " at " + org(a) + ", " + b.sex() + " at " + org(b) + ")";
        ev.add(new Evidence(Field.SEX, Agreement.DISAGREE, MatchWeights.weight(m[1], 1 - u), text));
        conflicts.add(text);
        return Agreement.DISAGREE;
    }

    private static String show(String sex) {
        return sex.isEmpty() ? "missing" : sex;
    }

    // ---- postal code and phone ----

    private void contact(Field field, String label, List<String> a, List<String> b, List<Evidence> ev, boolean postal) {
        if (a.isEmpty() || b.isEmpty()) {
            ev.add(new Evidence(field, Agreement.MISSING, 0, label + " missing on one record"));
            return;
        }
        double[] m = MatchWeights.contactM();
        String best = null;
        for (String x : a) {
            if (b.contains(x) && (best == null || f(postal, x) < f(postal, best))) {
                best = x;
            }
        }
        if (best != null) {
            ev.add(new Evidence(field, Agreement.AGREE, MatchWeights.weight(m[0], f(postal, best)), label + " " + best + " agrees"));
            return;
        }
        String x = a.get(0);
        ev.add(new Evidence(field, Agreement.DISAGREE, MatchWeights.weight(m[1], 1 - f(postal, x)),
                label + "s differ: " + x + " / " + b.get(0)));
    }

    private double f(boolean postal, String v) {
        return postal ? freq.postal(v) : freq.phone(v);
    }
}
