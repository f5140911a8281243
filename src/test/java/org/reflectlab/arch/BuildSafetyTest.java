package org.reflectlab.arch;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A hung native call must fail the build, not stall it. */
class BuildSafetyTest {

    @Test
    void everyTestAndTheTestJvmHaveATimeout() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            assertNotNull(in, "src/test/resources/junit-platform.properties is on the test class path");
            p.load(in);
        }
        String timeout = p.getProperty("junit.jupiter.execution.timeout.default", "");
        assertTrue(timeout.matches("\\d+ ?(s|m|ms)"), "a default per-test timeout: '" + timeout + "'");
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.matches("(?s).*<forkedProcessTimeoutInSeconds>\\d+</forkedProcessTimeoutInSeconds>.*"),
                "surefire kills a hung test JVM");
    }
}
