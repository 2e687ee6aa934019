package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import dev.gptmem.e2e.GptmemProcess.Running;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The interactive shell on a real pseudo-terminal, next to one-shot commands on the same profile. */
class ShellIT extends E2eTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void aOneShotAddWorksWhileAShellIsOpenAndTheShellSeesIt() {
        try (Running shell = gptmem.call("shell").onTerminal().start()) {
            shell.awaitOutput("default (0)> ", STEP);
            shell.write("add \"typed in the shell\"\r");
            shell.awaitOutput("default (1)> ", STEP);

            Result outside = gptmem.call("add", "added from a script").env("GPTMEM_LOCK_TIMEOUT", "2").run();
            assertThat(outside.exitCode()).as("a one-shot add while the shell is open: %s", outside).isZero();

            shell.write("list --jsonl\r");
            shell.awaitOutput("default (2)> ", STEP);
            assertThat(shell.screen()).contains("\"content\":\"typed in the shell\"", "\"source\":\"shell\"",
                    "\"content\":\"added from a script\"", "\"source\":\"cli\"");

            shell.write("exit\r");
            Result ended = shell.await(STEP);
            assertThat(ended.exitCode()).as("%s", ended).isZero();
        }
    }
}
