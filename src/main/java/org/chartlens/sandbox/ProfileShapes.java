package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The data shape each vendor profile serves: CareCloud's odd dates and identifiers, the payer's
 * Coverage and CARIN BB ExplanationOfBenefit. Stateless.
 */
final class ProfileShapes {
    private ProfileShapes() {
    }

    /** Changes one loaded resource in place to look like the vendor's. */
    static void shape(VendorProfile profile, ObjectNode resource) {
    }

    /** Extra resources a profile derives from a patient's bundle. */
    static List<ObjectNode> derive(VendorProfile profile, String patientId, List<ObjectNode> resources,
                                   ObjectMapper mapper) {
        return List.of();
    }
}
