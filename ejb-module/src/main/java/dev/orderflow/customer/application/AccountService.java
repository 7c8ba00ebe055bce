package dev.orderflow.customer.application;

import dev.orderflow.customer.domain.Customer;
import dev.orderflow.customer.domain.PasswordHasher;
import dev.orderflow.platform.jwt.TokenIssuer;
import dev.orderflow.platform.jwt.TokenIssuer.IssuedToken;
import dev.orderflow.platform.paging.Page;
import dev.orderflow.platform.paging.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customer accounts (users_db): registration, login and profiles. */
@Stateless
public class AccountService {

    /** Compared against when the e-mail is unknown, so a login takes as long either way. */
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());

    @PersistenceContext(unitName = "customer")
    EntityManager users;

    @Inject
    TokenIssuer tokens;

    /**
     * Registers a customer. One transaction on users_db; the unique index on lower(email) settles races between two
     * registrations of the same address.
     *
     * @throws EmailAlreadyRegistered
     *             when the address is taken, in any letter case
     */
    public CustomerProfile register(String email, String name, char[] password) {
        if (findByEmail(email).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
        var customer = Customer.register(email, name, password);
        try {
            users.persist(customer);
            users.flush();
        } catch (PersistenceException e) {
            throw new EmailAlreadyRegistered();
        }
        return CustomerProfile.of(customer);
    }

    /**
     * Checks the password and issues a signed token carrying the customer's id and role.
     *
     * @throws InvalidCredentials
     *             for an unknown address or a wrong password, without telling which
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IssuedToken login(String email, char[] password) {
        Optional<Customer> customer = findByEmail(email);
        if (customer.isEmpty()) {
            PasswordHasher.matches(password, DUMMY_HASH);
            throw new InvalidCredentials();
        }
        if (!customer.get().passwordMatches(password)) {
            throw new InvalidCredentials();
        }
        Customer found = customer.get();
        return tokens.issue(found.id(), found.email(), List.of(found.role().externalName()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CustomerProfile profile(UUID customerId) {
        return Optional.ofNullable(users.find(Customer.class, customerId)).map(CustomerProfile::of)
                .orElseThrow(() -> new CustomerNotFound(customerId));
    }

    /** Every account by registration date, newest first: for admins. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<CustomerProfile> list(PageRequest request) {
        var items = users.createQuery("select c from Customer c order by c.createdAt desc, c.id", Customer.class)
                .setFirstResult(request.offset()).setMaxResults(request.size()).getResultStream()
                .map(CustomerProfile::of).toList();
        long total = users.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Creates an admin account unless the address is already registered; for start-up configuration. */
    public boolean ensureAdmin(String email, String name, char[] password) {
        if (findByEmail(email).isPresent()) {
            return false;
        }
        users.persist(Customer.admin(email, name, password));
        return true;
    }

    private Optional<Customer> findByEmail(String email) {
        return users.createQuery("select c from Customer c where c.email = :email", Customer.class)
                .setParameter("email", Customer.normalizeEmail(email)).getResultStream().findFirst();
    }
}
