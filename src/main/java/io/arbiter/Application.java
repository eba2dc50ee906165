package io.arbiter;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

import java.util.TimeZone;

@OpenAPIDefinition(info = @Info(title = "Arbiter", version = "1",
        description = "Out-of-network arbitration case manager for pain-management practices"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    public static void main(String[] args) {
        // Instants are stored as UTC DATETIME; a JVM in another zone would shift them.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
