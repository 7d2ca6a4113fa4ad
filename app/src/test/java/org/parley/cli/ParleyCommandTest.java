package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParleyCommandTest extends CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "demo"})
    void everyCommandHasHelp(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        assertThat(run(args)).isZero();
        assertThat(out.toString()).startsWith("Usage: parley" + (command.isEmpty() ? "" : " " + command));
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve --port abc", "serve --port 70000", "demo --persons -5", "demo --persons many",
            "serve --colour red", "launch", ""})
    void aBadArgumentIsOneLineAndExitCode2(String arguments) {
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("parley: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aPortInUseIsOneClearMessage(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int exit = run("serve", "--port", String.valueOf(taken.getLocalPort()), "--data-dir", dataDir.toString());
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("parley: port " + taken.getLocalPort() + " is already in use "
                    + "by another program. Stop it, or start Parley with --port and a free port.");
        }
    }
}
