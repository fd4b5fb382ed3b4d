-- Address parts HSDS carries and an import must give back: postal code, state or province, country (ISO 3166-1).
alter table partner_location add column postal_code varchar(20);
alter table partner_location add column state_province varchar(50);
alter table partner_location add column country varchar(2);
