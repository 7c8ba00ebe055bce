package dev.orderflow.customer.application;

import dev.orderflow.customer.domain.Customer;
import dev.orderflow.customer.domain.PasswordHasher;
import dev.orderflow.customer.infrastructure.CustomerStore;
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

    @Inject
    CustomerStore store;

    /**
     * Registers a customer. The password is hashed before the account is stored in a short users_db transaction of its
     * own ({@link CustomerStore#add}), so a burst of sign-ups never holds pooled connections through the hashing.
     *
     * @throws EmailAlreadyRegistered
     *             when the address is taken, in any letter case
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CustomerProfile register(String email, String name, char[] password) {
        var customer = Customer.register(email, name, password);
        store.add(customer);
        return CustomerProfile.of(customer);
    }

    /**
     * Checks the password and issues a signed token carrying the customer's id and role. The account is read first and
     * the hash compared after, with no connection held.
     *
     * @throws InvalidCredentials
     *             for an unknown address or a wrong password, without telling which
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken login(String email, char[] password) {
        Optional<Customer> customer = store.byEmail(email);
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
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean ensureAdmin(String email, String name, char[] password) {
        if (store.byEmail(email).isPresent()) {
            return false;
        }
        store.add(Customer.admin(email, name, password));
        return true;
    }
}
