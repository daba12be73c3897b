/**
 * The alerting vocabulary two services share as types (rule kinds, severities), so frontend-api's
 * validation and alert-service's evaluation cannot drift apart; uses nothing of the project.
 */
package org.steambytes.common.alert;
