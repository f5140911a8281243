package org.reflectlab;

import javafx.application.Application;
import org.reflectlab.cli.Cli;
import org.reflectlab.ui.shell.ReflectLabApp;

/**
 * Entry point. No arguments: the desktop app. Any arguments: the headless CLI. A plain class
 * (not an Application) so JavaFX can start from the class path beside DL4J.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(ReflectLabApp.class);
            // DL4J and JavaCPP leave non-daemon threads behind; the window is closed, so leave.
            System.exit(0);
        }
        System.setProperty("java.awt.headless", "true");
        System.exit(Cli.run(args));
    }
}
