-- "BUILDING_GROUP_LEADER" has 21 characters: carer relations get room to grow.
alter table carer_link alter column relation set data type varchar(30);
