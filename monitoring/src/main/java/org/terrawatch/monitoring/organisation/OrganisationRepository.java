package org.terrawatch.monitoring.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.terrawatch.store.Rows;
import org.terrawatch.store.SpatialStore;

/**
 * Departments, working groups and users. The data directory is their source: {@link #apply(Organisation)}
 * brings the store in line with it at start-up, with standard SQL {@code MERGE} (PostgreSQL 15 and H2 both
 * run it). Entries removed from the configuration stay in the store, because patches, work orders and the
 * audit trail refer to them; a user is retired by {@code enabled: false}.
 */
public final class OrganisationRepository {

    private final SpatialStore store;

    public OrganisationRepository(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Inserts or updates every declared entry, in one transaction. */
    public void apply(Organisation organisation) {
        store.inTransaction(() -> {
            organisation.departments().forEach(this::merge);
            organisation.workingGroups().forEach(this::merge);
            organisation.users().forEach(this::merge);
        });
    }

    private void merge(Department department) {
        store.jdbc().sql("""
                        MERGE INTO department d
                        USING (VALUES (:code, :name, :nameEn, :kind, :adminCode, :phone)) AS s(code, name, name_en, kind, admin_code, phone)
                        ON d.code = s.code
                        WHEN MATCHED THEN UPDATE SET name = s.name, name_en = s.name_en, kind = s.kind, admin_code = s.admin_code, phone = s.phone
                        WHEN NOT MATCHED THEN INSERT (code, name, name_en, kind, admin_code, phone)
                             VALUES (s.code, s.name, s.name_en, s.kind, s.admin_code, s.phone)""")
                .param("code", department.code()).param("name", department.name()).param("nameEn", department.nameEn())
                .param("kind", department.kind().name()).param("adminCode", department.adminCode())
                .param("phone", department.phone())
                .update();
    }

    private void merge(WorkingGroup group) {
        store.jdbc().sql("""
                        MERGE INTO working_group g
                        USING (VALUES (:code, :name, :nameEn, :leader, :duties)) AS s(code, name, name_en, leader, duties)
                        ON g.code = s.code
                        WHEN MATCHED THEN UPDATE SET name = s.name, name_en = s.name_en, leader = s.leader, duties = s.duties
                        WHEN NOT MATCHED THEN INSERT (code, name, name_en, leader, duties)
                             VALUES (s.code, s.name, s.name_en, s.leader, s.duties)""")
                .param("code", group.code()).param("name", group.name()).param("nameEn", group.nameEn())
                .param("leader", group.leader()).param("duties", group.duties())
                .update();
        store.jdbc().sql("DELETE FROM working_group_member WHERE group_code = :code").param("code", group.code()).update();
        for (String member : group.departmentCodes()) {
            store.jdbc().sql("INSERT INTO working_group_member(group_code, department_code) VALUES (:g, :d)")
                    .param("g", group.code()).param("d", member).update();
        }
    }

    /**
     * A declared user is written only when its entry is new or has changed since it was last applied (its digest is
     * kept with the row): what the admin API did to the user since — a reset password, a disabled account, other
     * roles — survives restarts until the entry itself is edited.
     */
    private void merge(User user) {
        String digest = declaredDigest(user);
        String applied = store.jdbc().sql("SELECT declared_digest FROM app_user WHERE username = :u").param("u", user.username())
                .query(String.class).optional().orElse(null);
        if (digest.equals(applied)) {
            return;
        }
        save(user);
        store.jdbc().sql("UPDATE app_user SET declared_digest = :d WHERE username = :u").param("d", digest).param("u", user.username()).update();
    }

    /** Creates the user or replaces every field of it, roles and jurisdictions included. */
    public void save(User user) {
        store.jdbc().sql("""
                        MERGE INTO app_user u
                        USING (VALUES (:username, :displayName, :department, :hash, :enabled)) AS s(username, display_name, department_code, password_hash, enabled)
                        ON u.username = s.username
                        WHEN MATCHED THEN UPDATE SET display_name = s.display_name, department_code = s.department_code,
                             password_hash = s.password_hash, enabled = s.enabled
                        WHEN NOT MATCHED THEN INSERT (username, display_name, department_code, password_hash, enabled)
                             VALUES (s.username, s.display_name, s.department_code, s.password_hash, s.enabled)""")
                .param("username", user.username()).param("displayName", user.displayName())
                .param("department", user.departmentCode()).param("hash", user.passwordHash())
                .param("enabled", user.enabled())
                .update();
        store.jdbc().sql("DELETE FROM app_user_role WHERE username = :u").param("u", user.username()).update();
        for (Role role : user.roles()) {
            store.jdbc().sql("INSERT INTO app_user_role(username, role) VALUES (:u, :r)")
                    .param("u", user.username()).param("r", role.name()).update();
        }
        store.jdbc().sql("DELETE FROM app_user_jurisdiction WHERE username = :u").param("u", user.username()).update();
        for (String code : user.jurisdictions()) {
            store.jdbc().sql("INSERT INTO app_user_jurisdiction(username, admin_code) VALUES (:u, :c)")
                    .param("u", user.username()).param("c", code).update();
        }
    }

    private static String declaredDigest(User user) {
        String entry = String.join("\u0000", user.username(), user.displayName(), String.valueOf(user.departmentCode()),
                user.passwordHash(), String.valueOf(user.enabled()), new java.util.TreeSet<>(user.roles()).toString(),
                new java.util.TreeSet<>(user.jurisdictions()).toString());
        return org.terrawatch.monitoring.Sha256.hex(entry);
    }

    /** Every user, by name. */
    public List<User> users() {
        return store.jdbc().sql("SELECT * FROM app_user ORDER BY username").query((org.springframework.jdbc.core.RowMapper<User>) this::user).list();
    }

    public List<Department> departments() {
        return store.jdbc().sql("SELECT * FROM department ORDER BY code").query(OrganisationRepository::department).list();
    }

    public Optional<Department> department(String code) {
        return store.jdbc().sql("SELECT * FROM department WHERE code = :code").param("code", code)
                .query(OrganisationRepository::department).optional();
    }

    public List<WorkingGroup> workingGroups() {
        return store.jdbc().sql("SELECT * FROM working_group ORDER BY code").query((row, n) -> new WorkingGroup(
                row.getString("code"), row.getString("name"), row.getString("name_en"), row.getString("leader"),
                row.getString("duties"), members(row.getString("code")))).list();
    }

    /** The working groups the department is a member of. */
    public List<String> groupsOf(String departmentCode) {
        return store.jdbc().sql("SELECT group_code FROM working_group_member WHERE department_code = :d ORDER BY group_code")
                .param("d", departmentCode).query(String.class).list();
    }

    private List<String> members(String groupCode) {
        return store.jdbc().sql("SELECT department_code FROM working_group_member WHERE group_code = :g ORDER BY department_code")
                .param("g", groupCode).query(String.class).list();
    }

    public Optional<User> user(String username) {
        return store.jdbc().sql("SELECT * FROM app_user WHERE username = :u").param("u", username).query((org.springframework.jdbc.core.RowMapper<User>) this::user).optional();
    }

    private User user(ResultSet row, int n) throws SQLException {
        String username = row.getString("username");
        return new User(username, row.getString("display_name"), row.getString("department_code"), row.getString("password_hash"),
                row.getBoolean("enabled"), roles(username), Set.copyOf(store.jdbc()
                .sql("SELECT admin_code FROM app_user_jurisdiction WHERE username = :u").param("u", username).query(String.class).list()));
    }

    private Set<Role> roles(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        store.jdbc().sql("SELECT role FROM app_user_role WHERE username = :u").param("u", username)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private static Department department(ResultSet row, int n) throws SQLException {
        return new Department(row.getString("code"), row.getString("name"), row.getString("name_en"),
                Rows.enumValue(row, "kind", DepartmentKind.class), row.getString("admin_code"), row.getString("phone"));
    }
}
