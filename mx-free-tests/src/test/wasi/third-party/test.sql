-- linmem's test of Debian's sqlite3 shell built for WASI: a database file in a preopened
-- directory (with the VFS unix-none: WASI has no file locks), queries whose output is compared
-- byte for byte with Node's.
select sqlite_version();
create table t(id integer primary key, name text, score real);
with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)
insert into t(name, score) select 'name' || i, (i * 37 % 101) / 7.0 from n;
select count(*), sum(score), min(name), max(name) from t;
create index t_score on t(score);
select name, printf('%.3f', score) from t where score > 14 order by score desc, id limit 5;
select substr(name, 1, 5) as prefix, count(*) from t group by prefix order by prefix limit 5;
begin;
update t set score = score * 2 where id % 3 = 0;
delete from t where id % 10 = 0;
commit;
select count(*), printf('%.4f', avg(score)) from t;
create table words(w text);
insert into words values ('pear'), ('Apple'), ('fig'), ('banana'), ('cherry');
select group_concat(w, ',') from (select w from words order by lower(w));
select json_object('n', count(*), 'longest', max(length(w))) from words;
.mode column
.headers on
select id, name, score from t where id in (1, 2, 3);
pragma integrity_check;
