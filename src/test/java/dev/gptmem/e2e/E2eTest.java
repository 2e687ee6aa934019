package dev.gptmem.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh gptmem home and a scratch folder for each test, and the program to run against them. */
abstract class E2eTest {

    @TempDir
    Path home;

    @TempDir
    Path files;

    GptmemProcess gptmem;

    @BeforeEach
    void harness() {
        gptmem = new GptmemProcess(home);
    }
}
