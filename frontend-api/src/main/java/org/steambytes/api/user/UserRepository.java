package org.steambytes.api.user;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<DashboardUser, String> {
}
