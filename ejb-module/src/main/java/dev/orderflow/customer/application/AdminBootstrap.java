package dev.orderflow.customer.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the operator-configured admin account at start-up when it does not exist yet. Admins never come from
 * self-registration; the password is read from a file kept outside the repository.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "admin.bootstrap.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "admin.bootstrap.password-file")
    Optional<String> passwordFile;

    @Inject
    AccountService accounts;

    @PostConstruct
    void ensureAdmin() {
        if (email.isEmpty() || passwordFile.isEmpty()) {
            return;
        }
        try {
            char[] password = Files.readString(Path.of(passwordFile.get())).strip().toCharArray();
            if (accounts.ensureAdmin(email.get(), "Administrator", password)) {
                LOG.info(() -> "created admin account " + email.get());
            }
        } catch (IOException e) {
            LOG.warning(() -> "admin account not created: cannot read " + passwordFile.get() + ": " + e);
        }
    }
}
