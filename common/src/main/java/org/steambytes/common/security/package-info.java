/**
 * The baseline every service's security starts from: stateless chain, internal-token filter for
 * /internal and metrics, problem answers for 401/403, secret hashing; uses common's problem details.
 */
package org.steambytes.common.security;
