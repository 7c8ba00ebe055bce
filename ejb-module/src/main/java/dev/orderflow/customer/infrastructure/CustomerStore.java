package dev.orderflow.customer.infrastructure;

import dev.orderflow.customer.application.EmailAlreadyRegistered;
import dev.orderflow.customer.domain.Customer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/**
 * The accounts in users_db, each call in a short transaction of its own, so that slow work around them (password
 * hashing) never runs while a pooled connection is held.
 */
@Stateless
public class CustomerStore {

    @PersistenceContext(unitName = "customer")
    EntityManager users;

    /**
     * Stores a new account. The unique index on lower(email) settles races between two registrations of one address.
     *
     * @throws EmailAlreadyRegistered
     *             when the address is taken, in any letter case
     */
    public void add(Customer customer) {
        if (byEmail(customer.email()).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
        try {
            users.persist(customer);
            users.flush();
        } catch (PersistenceException e) {
            throw new EmailAlreadyRegistered();
        }
    }

    /** The account with this address (any letter case), detached from the database once the call returns. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Customer> byEmail(String email) {
        return users.createQuery("select c from Customer c where c.email = :email", Customer.class)
                .setParameter("email", Customer.normalizeEmail(email)).setMaxResults(1).getResultList().stream()
                .findFirst();
    }
}
