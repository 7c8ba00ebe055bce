-- Demo catalog for local use, loaded into products_db by bin/run after the schema is migrated.
-- Not application code: the application never reads this file. Idempotent (fixed ids, ON CONFLICT).
BEGIN;

INSERT INTO warehouses (id, code, name) VALUES
    ('00000000-0000-4000-8000-000000000001', 'BER-1', 'Berlin'),
    ('00000000-0000-4000-8000-000000000002', 'LYS-1', 'Lyon')
ON CONFLICT (id) DO NOTHING;

INSERT INTO categories (id, name, parent_id) VALUES
    ('00000000-0000-4000-8000-000000000101', 'Kitchen', NULL),
    ('00000000-0000-4000-8000-000000000102', 'Coffee', '00000000-0000-4000-8000-000000000101'),
    ('00000000-0000-4000-8000-000000000103', 'Cookware', '00000000-0000-4000-8000-000000000101'),
    ('00000000-0000-4000-8000-000000000104', 'Outdoor', NULL),
    ('00000000-0000-4000-8000-000000000105', 'Camping', '00000000-0000-4000-8000-000000000104')
ON CONFLICT (id) DO NOTHING;

INSERT INTO products (id, sku, name, description, price, category_id) VALUES
    (md5('demo:COF-001')::uuid, 'COF-001', 'Hand grinder', 'Conical burr coffee grinder, 40 g hopper', 49.90, '00000000-0000-4000-8000-000000000102'),
    (md5('demo:COF-002')::uuid, 'COF-002', 'Pour-over dripper', 'Ceramic dripper for one to two cups', 24.00, '00000000-0000-4000-8000-000000000102'),
    (md5('demo:COF-003')::uuid, 'COF-003', 'Gooseneck kettle', '1 litre kettle with thermometer', 59.00, '00000000-0000-4000-8000-000000000102'),
    (md5('demo:COF-004')::uuid, 'COF-004', 'Paper filters (100)', 'Unbleached filters for the dripper', 6.50, '00000000-0000-4000-8000-000000000102'),
    (md5('demo:COF-005')::uuid, 'COF-005', 'Espresso beans 1 kg', 'Medium roast, washed Arabica', 28.40, '00000000-0000-4000-8000-000000000102'),
    (md5('demo:CKW-001')::uuid, 'CKW-001', 'Cast-iron skillet 26 cm', 'Pre-seasoned, oven safe', 39.95, '00000000-0000-4000-8000-000000000103'),
    (md5('demo:CKW-002')::uuid, 'CKW-002', 'Stock pot 8 l', 'Stainless steel with glass lid', 54.00, '00000000-0000-4000-8000-000000000103'),
    (md5('demo:CKW-003')::uuid, 'CKW-003', 'Chef''s knife 20 cm', 'Forged steel, full tang', 79.00, '00000000-0000-4000-8000-000000000103'),
    (md5('demo:CKW-004')::uuid, 'CKW-004', 'Cutting board', 'End-grain oak, 40 x 30 cm', 45.00, '00000000-0000-4000-8000-000000000103'),
    (md5('demo:CMP-001')::uuid, 'CMP-001', 'Two-person tent', 'Freestanding, 2.1 kg', 189.00, '00000000-0000-4000-8000-000000000105'),
    (md5('demo:CMP-002')::uuid, 'CMP-002', 'Sleeping bag -5 °C', 'Synthetic fill, left zip', 99.00, '00000000-0000-4000-8000-000000000105'),
    (md5('demo:CMP-003')::uuid, 'CMP-003', 'Camping stove', 'Canister stove with piezo ignition', 34.50, '00000000-0000-4000-8000-000000000105'),
    (md5('demo:CMP-004')::uuid, 'CMP-004', 'Headlamp', '400 lumen, rechargeable', 29.99, '00000000-0000-4000-8000-000000000105'),
    (md5('demo:CMP-005')::uuid, 'CMP-005', 'Water filter', 'Hollow-fibre squeeze filter', 37.00, '00000000-0000-4000-8000-000000000105'),
    (md5('demo:OUT-001')::uuid, 'OUT-001', 'Folding chair', 'Aluminium frame, 120 kg load', 42.00, '00000000-0000-4000-8000-000000000104'),
    (md5('demo:OUT-002')::uuid, 'OUT-002', 'Cool box 25 l', 'Keeps ice for two days', 64.90, '00000000-0000-4000-8000-000000000104')
ON CONFLICT (sku) DO NOTHING;

INSERT INTO inventory (product_id, warehouse_id, quantity)
SELECT p.id, w.id, 20 + (abs(hashtext(p.sku || w.code)) % 80)
FROM products p CROSS JOIN warehouses w
WHERE p.sku ~ '^(COF|CKW|CMP|OUT)-'
ON CONFLICT (product_id, warehouse_id) DO NOTHING;

COMMIT;
