// The English catalog, one file per area of the portal so features do not edit one
// shared file; each file holds its own top-level namespaces.
import accounts from "./accounts.json";
import common from "./common.json";
import identity from "./identity.json";
import kyc from "./kyc.json";
import security from "./security.json";
import staff from "./staff.json";

const messages = { ...common, ...identity, ...security, ...kyc, ...accounts, ...staff };

export default messages;
