package dev.orderflow.customer.application;

import dev.orderflow.customer.domain.Address;
import dev.orderflow.customer.domain.PostalAddress;
import dev.orderflow.platform.sql.Placeholders;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each customer's own addresses (users_db). An address of another customer is reported as not found, so its existence
 * is not revealed.
 */
@Stateless
public class AddressBook {

    public static final int MAX_ADDRESSES = 20;

    @PersistenceContext(unitName = "customer")
    EntityManager users;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AddressView> list(UUID customer) {
        return addressesOf(customer).stream().map(AddressView::of).toList();
    }

    /** Adds an address; the first one, or one asked to be, becomes the default. */
    public AddressView add(UUID customer, PostalAddress postal, boolean makeDefault) {
        List<Address> existing = addressesOf(customer);
        if (existing.size() >= MAX_ADDRESSES) {
            throw new TooManyAddresses(MAX_ADDRESSES);
        }
        var address = new Address(customer, postal);
        if (makeDefault || existing.isEmpty()) {
            makeDefault(existing, address);
        }
        users.persist(address);
        return AddressView.of(address);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AddressView get(UUID customer, UUID addressId) {
        return AddressView.of(owned(customer, addressId));
    }

    public AddressView change(UUID customer, UUID addressId, PostalAddress postal, boolean makeDefault) {
        Address address = owned(customer, addressId);
        address.change(postal);
        if (makeDefault) {
            makeDefault(addressesOf(customer), address);
        }
        return AddressView.of(address);
    }

    public void remove(UUID customer, UUID addressId) {
        users.remove(owned(customer, addressId));
    }

    /**
     * The postal address to snapshot onto an order, read before the order's transaction (so users_db takes no part in
     * it); empty when the customer has no address with this id.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PostalAddress> shippingAddress(UUID customer, UUID addressId) {
        Address address = users.find(Address.class, addressId);
        return address == null || !address.belongsTo(customer) ? Optional.empty() : Optional.of(address.postal());
    }

    /** A customer's address id, as an order names it. */
    public record AddressOf(UUID customer, UUID addressId) {
    }

    /**
     * {@link #shippingAddress} for several orders at once (one query): the postal address of each that names an address
     * of its own customer; the others are missing from the answer.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<AddressOf, PostalAddress> shippingAddresses(Collection<AddressOf> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<UUID, Address>();
        List<Address> rows = users
                .createNativeQuery("SELECT * FROM addresses WHERE id IN (SELECT unnest(cast(?1 AS uuid[])))",
                        Address.class)
                .setParameter(1, Placeholders.uuidArray(wanted.stream().map(AddressOf::addressId).distinct().toList()))
                .getResultList();
        rows.forEach(address -> found.put(address.id(), address));
        var postal = new HashMap<AddressOf, PostalAddress>();
        for (AddressOf one : wanted) {
            Address address = found.get(one.addressId());
            if (address != null && address.belongsTo(one.customer())) {
                postal.put(one, address.postal());
            }
        }
        return postal;
    }

    private void makeDefault(List<Address> addresses, Address chosen) {
        addresses.forEach(a -> a.markDefault(false));
        users.flush(); // the partial unique index allows one default at a time
        chosen.markDefault(true);
    }

    private Address owned(UUID customer, UUID addressId) {
        Address address = users.find(Address.class, addressId);
        if (address == null || !address.belongsTo(customer)) {
            throw new AddressNotFound(addressId);
        }
        return address;
    }

    private List<Address> addressesOf(UUID customer) {
        return users.createQuery("select a from Address a where a.customerId = :customer order by a.id", Address.class)
                .setParameter("customer", customer).getResultList();
    }
}
