package dev.orderflow.customer.domain;

import dev.orderflow.platform.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A customer account (users_db.users).
 * <p>
 * Life cycle: registered with a unique e-mail address (compared case-insensitively, stored lower-case), a name and a
 * password kept only as a slow salted hash; role {@link Role#CUSTOMER} unless created by configuration as
 * {@link Role#ADMIN}.
 */
@Entity
@Table(name = "users")
public class Customer {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String name;

    @Convert(converter = RoleConverter.class)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Customer() {
        // for JPA
    }

    private Customer(String email, String name, String passwordHash, Role role) {
        this.id = Uuids.next();
        this.email = normalizeEmail(email);
        this.name = name.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    public static Customer register(String email, String name, char[] password) {
        return new Customer(email, name, PasswordHasher.hash(password), Role.CUSTOMER);
    }

    public static Customer admin(String email, String name, char[] password) {
        return new Customer(email, name, PasswordHasher.hash(password), Role.ADMIN);
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean passwordMatches(char[] password) {
        return PasswordHasher.matches(password, passwordHash);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
