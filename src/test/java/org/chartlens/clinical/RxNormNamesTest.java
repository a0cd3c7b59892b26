package org.chartlens.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ingredient read from RxNorm clinical drug names (decision 0802), on names the Synthea data uses. */
class RxNormNamesTest {
    @Test
    void aClinicalDrugGivesItsIngredientAndStrength() {
        assertEquals("lisinopril", RxNormNames.ingredientKey("lisinopril 10 MG Oral Tablet"));
        assertEquals("lisinopril", RxNormNames.ingredientKey("lisinopril 20 MG Oral Tablet"));
        assertEquals("10 MG", RxNormNames.strength("lisinopril 10 MG Oral Tablet"));
        assertEquals("amlodipine", RxNormNames.ingredientKey("amLODIPine 2.5 MG Oral Tablet"), "tall-man letters");
    }

    @Test
    void severalIngredientsBrandsAndQuantityFactors() {
        assertEquals("acetaminophen + oxycodone hydrochloride",
                RxNormNames.ingredientKey("Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet"));
        assertEquals("325 MG / 5 MG", RxNormNames.strength("Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet"));
        assertEquals("buprenorphine + naloxone",
                RxNormNames.ingredientKey("buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film [Suboxone]"));
        assertEquals("epinephrine", RxNormNames.ingredientKey("NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector"));
        assertEquals("fluticasone propionate + salmeterol", RxNormNames.ingredientKey(
                "60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler"));
    }

    @Test
    void namesOutsideTheConventionGiveNothing() {
        assertEquals("", RxNormNames.ingredientKey("Errin 28 Day Pack"));
        assertEquals("", RxNormNames.ingredientKey("{28 (norethindrone 0.35 MG Oral Tablet) } Pack [Errin 28 Day]"));
        assertEquals("", RxNormNames.ingredientKey(null));
        assertEquals("", RxNormNames.ingredientKey("Insulin"));
    }
}
