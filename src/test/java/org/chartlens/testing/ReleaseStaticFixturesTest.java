package org.chartlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseStaticFixturesTest {
    static final class Fixture {
        static Object ehr = new Object();
        static final List<String> KEPT = List.of("kept");
        static int port = 8080;

        static final class Inner {
            static Object cache = new Object();
        }
    }

    @Test
    void clearsNonFinalStaticReferencesOfTheClassAndItsNestedClassesOnly() throws Exception {
        ReleaseStaticFixtures.release(Fixture.class);
        assertNull(Fixture.ehr, "a fixture in a static field is released");
        assertNull(Fixture.Inner.cache, "and one in a nested class");
        assertSame("kept", Fixture.KEPT.get(0), "final fields are left alone");
        assertEquals(8080, Fixture.port, "primitives are left alone");
    }
}
