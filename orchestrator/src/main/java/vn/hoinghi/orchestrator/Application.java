package vn.hoinghi.orchestrator;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import vn.hoinghi.orchestrator.demo.DemoLauncher;

import java.util.Arrays;

@OpenAPIDefinition(info = @Info(
        title = "HoiNghi orchestrator API",
        version = "1",
        description = "Booking, unit directory, capacity admission and provisioning of the Ministry's video conferences."))
public final class Application {
    private Application() {
    }

    /** {@code --demo} starts an embedded PostgreSQL 17 and loads the demo Ministry before the context starts. */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--demo")) {
            DemoLauncher.run(args);
            return;
        }
        Micronaut.run(Application.class, args);
    }
}
