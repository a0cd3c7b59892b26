package org.chartlens.ui.common;

import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark themes (AtlantaFX Primer) plus ChartLens' own stylesheet. AtlantaFX 2.1.0's
 * classes are compiled for Java 21, so on Java 17 we load its theme stylesheets by resource
 * path and never touch its classes. FX thread.
 */
public final class Themes {
    public static final String APP_CSS = Themes.class.getResource("/org/chartlens/ui/chartlens.css").toExternalForm();

    private Themes() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(Themes.class.getResource(dark
                ? "/atlantafx/base/theme/primer-dark.css" : "/atlantafx/base/theme/primer-light.css").toExternalForm());
    }

    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }
}
