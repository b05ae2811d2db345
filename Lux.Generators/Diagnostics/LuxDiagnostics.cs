using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic Lux reports, and the one way to make one: <see cref="At"/> on its descriptor. LUX0xxx: the
    /// language subset and evaluation; LUX1xxx: the SSH recovery policy; LUX2xxx: integrity of the fleet; LUX3xxx: the
    /// option schemas. Each ID has a page under docs/diagnostics/ and one descriptor per message: the format holds the
    /// words, the arguments what varies: names, paths, values, and for a few messages a clause with several
    /// wordings (made by the clause helpers at the end, or a reason in the words of the check that finds it).
    /// </summary>
    internal static class LuxDiagnostics
    {
        private const string Language = "Lux.Language";
        private const string EvaluationCategory = "Lux.Evaluation";
        private const string Integrity = "Lux.Integrity";
        private const string SshRecovery = "Lux.SshRecovery";
        private const string OptionsCategory = "Lux.Options";

        // ---- LUX0000: Lux failed internally ----------------------------------------------------------------------------

        /// <summary>{0}: what Lux was doing ("reading Polaris", "checking LUX1002"); {1}: the exception's type; {2}: its message.</summary>
        public static readonly DiagnosticDescriptor InternalError = Error("LUX0000", InternalTitle, InternalErrorFormat, EvaluationCategory);

        /// <summary>As <see cref="InternalError"/>, with no place to point at: reported when the compilation ends.</summary>
        public static readonly DiagnosticDescriptor InternalErrorUnplaced = Error("LUX0000", InternalTitle, InternalErrorFormat, EvaluationCategory,
            WellKnownDiagnosticTags.CompilationEnd);

        // ---- LUX0001: C# outside the Lux subset ------------------------------------------------------------------------

        /// <summary>{0}: the construct; {1}: what to write instead.</summary>
        public static readonly DiagnosticDescriptor Unsupported = Error("LUX0001", "C# outside the Lux subset",
            "{0} is not supported in Lux config: {1}", Language);

        // ---- LUX0002: a record or stage gate with the wrong shape ------------------------------------------------------

        public static readonly DiagnosticDescriptor NotARecord = Error("LUX0002", ShapeTitle, "[{0}] {1} must be a record: write 'public sealed record {1} : {2}'", Language);
        public static readonly DiagnosticDescriptor WrongBaseRecord = Error("LUX0002", ShapeTitle, "[{0}] {1} must derive from {2} directly (it derives from {3}); share behaviour through features and profiles instead of base records", Language);
        public static readonly DiagnosticDescriptor PartialRecord = Error("LUX0002", ShapeTitle, "{0} is split over several partial declarations; Lux reads one declaration per record", Language);
        public static readonly DiagnosticDescriptor SeveralKinds = Error("LUX0002", ShapeTitle, "{0} is marked {1}; a record is one kind: keep one attribute", Language);
        public static readonly DiagnosticDescriptor GenericRecord = Error("LUX0002", ShapeTitle, "{0} is generic; a Lux record cannot have type parameters", Language);
        public static readonly DiagnosticDescriptor BothGates = Error("LUX0002", ShapeTitle, "'{0}' is both [PerHost] and [PerUser]; pick one stage gate", Language);
        public static readonly DiagnosticDescriptor PerHostParameterType = Error("LUX0002", ShapeTitle, "Parameter '{0}' of '{1}' has type {2}; a stage gate takes (Host host, NixOS os)", Language);
        public static readonly DiagnosticDescriptor PerUserParameterType = Error("LUX0002", ShapeTitle, "Parameter '{0}' of '{1}' has type {2}; a stage gate takes (Host host, User user, NixOS os and/or HomeManager home)", Language);
        /// <summary>{1}: "user" or "home-manager config".</summary>
        public static readonly DiagnosticDescriptor PerHostTakesUser = Error("LUX0002", ShapeTitle, "[PerHost] '{0}' runs once per host, so it has no {1}; make it [PerUser] to run once per (host, user)", Language);
        public static readonly DiagnosticDescriptor RepeatedParameter = Error("LUX0002", ShapeTitle, "'{0}' takes two {1} parameters; take each at most once", Language);
        public static readonly DiagnosticDescriptor GateReturnsValue = Error("LUX0002", ShapeTitle, "'{0}' returns a value; a stage gate returns void and defines options through its parameters", Language);

        // ---- LUX0003: config that cannot be evaluated ------------------------------------------------------------------

        public static readonly DiagnosticDescriptor SelfReference = Error("LUX0003", EvaluationTitle, "{0}.{1} refers to itself", EvaluationCategory);
        public static readonly DiagnosticDescriptor NestedTooDeep = Error("LUX0003", EvaluationTitle, "Evaluation nests deeper than {0} levels; look for records that include or refer to each other", EvaluationCategory);
        public static readonly DiagnosticDescriptor NoValue = Error("LUX0003", EvaluationTitle, "'{0}' has no value here", EvaluationCategory);
        public static readonly DiagnosticDescriptor NoConditionalTarget = Error("LUX0003", EvaluationTitle, "'?.' has no target here", EvaluationCategory);
        public static readonly DiagnosticDescriptor WithNeedsRecord = Error("LUX0003", EvaluationTitle, "'with' needs a record; this is {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor UnaryDoesNotApply = Error("LUX0003", EvaluationTitle, "'{0}' does not apply to {1}", EvaluationCategory);
        public static readonly DiagnosticDescriptor BinaryDoesNotApply = Error("LUX0003", EvaluationTitle, "'{0}' does not apply to {1} and {2}", EvaluationCategory);
        public static readonly DiagnosticDescriptor FloatOperator = Error("LUX0003", EvaluationTitle, "'{0}' does not apply to floats here", EvaluationCategory);
        public static readonly DiagnosticDescriptor DivisionByZero = Error("LUX0003", EvaluationTitle, "Division by zero", EvaluationCategory);
        public static readonly DiagnosticDescriptor IntegerOverflow = Error("LUX0003", EvaluationTitle, "The result overflows Nix's integers (64-bit signed)", EvaluationCategory);
        public static readonly DiagnosticDescriptor IndexOutsideList = Error("LUX0003", EvaluationTitle, "Index {0} is outside the list (it has {1} items)", EvaluationCategory);
        public static readonly DiagnosticDescriptor CannotIndex = Error("LUX0003", EvaluationTitle, "Cannot index {0} with {1}", EvaluationCategory);
        public static readonly DiagnosticDescriptor NoSwitchArm = Error("LUX0003", EvaluationTitle, "No arm of the switch matches {0}; add a '_ => ...' arm", EvaluationCategory);
        public static readonly DiagnosticDescriptor PriorityNotInteger = Error("LUX0003", EvaluationTitle, "A priority is an integer", EvaluationCategory);
        public static readonly DiagnosticDescriptor RawNeedsString = Error("LUX0003", EvaluationTitle, "Nix.Raw takes the Nix expression as a string", EvaluationCategory);
        public static readonly DiagnosticDescriptor AttributeNameNotString = Error("LUX0003", EvaluationTitle, "An attribute name is a string; this is {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor CannotEvaluate = Error("LUX0003", EvaluationTitle, "Lux cannot evaluate this expression", EvaluationCategory);
        public static readonly DiagnosticDescriptor NamesNeedsRecords = Error("LUX0003", EvaluationTitle, "Names applies to a list of users or hosts", EvaluationCategory);
        public static readonly DiagnosticDescriptor ReadFromNull = Error("LUX0003", EvaluationTitle, "'{0}' is read from null; use ?. or check for null first", EvaluationCategory);
        public static readonly DiagnosticDescriptor OptionRead = Error("LUX0003", EvaluationTitle, "Options are write-only in Lux: branch on a host or user fact instead of reading an option", EvaluationCategory);
        public static readonly DiagnosticDescriptor NotAReadableMember = Error("LUX0003", EvaluationTitle, "'{0}' is not a member Lux can read from {1}", EvaluationCategory);
        public static readonly DiagnosticDescriptor ExpectedBool = Error("LUX0003", EvaluationTitle, "Expected true or false; this is {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor ExpectedList = Error("LUX0003", EvaluationTitle, "Expected a list; this is {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor ExpectedOptionPath = Error("LUX0003", EvaluationTitle, "Expected an option path (os..., home...)", EvaluationCategory);
        public static readonly DiagnosticDescriptor CallArguments = Error("LUX0003", EvaluationTitle, "Lux cannot evaluate '{0}' with these arguments", EvaluationCategory);
        public static readonly DiagnosticDescriptor CalledOnNull = Error("LUX0003", EvaluationTitle, "'{0}' is called on null; use ?. or check for null first", EvaluationCategory);
        public static readonly DiagnosticDescriptor TakesLambda = Error("LUX0003", EvaluationTitle, "{0} takes a lambda: x => ...", EvaluationCategory);
        public static readonly DiagnosticDescriptor TooFewArguments = Error("LUX0003", EvaluationTitle, "{0} needs {1} argument(s)", EvaluationCategory);
        public static readonly DiagnosticDescriptor FirstFoundNothing = Error("LUX0003", EvaluationTitle, "First found nothing; use FirstOrDefault, or make sure the list has a match", EvaluationCategory);
        public static readonly DiagnosticDescriptor UnknownCall = Error("LUX0003", EvaluationTitle, "Lux cannot evaluate '{0}'", EvaluationCategory);
        public static readonly DiagnosticDescriptor TakesStrings = Error("LUX0003", EvaluationTitle, "{0} takes string arguments here", EvaluationCategory);
        public static readonly DiagnosticDescriptor StringCallArguments = Error("LUX0003", EvaluationTitle, "Lux cannot evaluate string.{0} with these arguments", EvaluationCategory);
        public static readonly DiagnosticDescriptor SubstringOutside = Error("LUX0003", EvaluationTitle, "Substring({0}, {1}) is outside \"{2}\" (length {3})", EvaluationCategory);
        public static readonly DiagnosticDescriptor CannotRun = Error("LUX0003", EvaluationTitle, "Lux cannot run this statement", EvaluationCategory);
        public static readonly DiagnosticDescriptor AssignsOtherRoot = Error("LUX0003", EvaluationTitle, "Only options of this gate's NixOS or HomeManager parameter can be assigned", EvaluationCategory);
        public static readonly DiagnosticDescriptor SetPathNotString = Error("LUX0003", EvaluationTitle, "Set takes the option path as a string: \"services.foo.enable\"", EvaluationCategory);
        public static readonly DiagnosticDescriptor AssignsWholeConfig = Error("LUX0003", EvaluationTitle, "Assign an option, not the whole configuration", EvaluationCategory);
        public static readonly DiagnosticDescriptor RecordAssigned = Error("LUX0003", EvaluationTitle, "A record ({0}) is not a Nix value; assign its properties instead", EvaluationCategory);
        public static readonly DiagnosticDescriptor LambdaAssigned = Error("LUX0003", EvaluationTitle, "A lambda is not a Nix value", EvaluationCategory);
        public static readonly DiagnosticDescriptor OptionAssigned = Error("LUX0003", EvaluationTitle, "Options are write-only in Lux: assign a value, not another option", EvaluationCategory);
        public static readonly DiagnosticDescriptor UnclosedQuote = Error("LUX0003", EvaluationTitle, "The option path '{0}' has an unclosed quote", EvaluationCategory);
        public static readonly DiagnosticDescriptor EmptySegment = Error("LUX0003", EvaluationTitle, "The option path '{0}' has an empty segment", EvaluationCategory);
        public static readonly DiagnosticDescriptor NotAString = Error("LUX0003", EvaluationTitle, "{0}.{1} must be a string; it is {2}", EvaluationCategory);
        public static readonly DiagnosticDescriptor HostUsersNotUsers = Error("LUX0003", EvaluationTitle, "{0}: Users lists {1}, which is not a [User] record", EvaluationCategory);
        /// <summary>{1}.{2}: the fact and its list (SshRecovery.Users, Sops.AdminKeyUsers).</summary>
        public static readonly DiagnosticDescriptor FactUsersNotUsers = Error("LUX0003", EvaluationTitle, "{0}: {1}.{2} lists {3}, which is not a [User] record", EvaluationCategory);
        public static readonly DiagnosticDescriptor NotAnAspect = Error("LUX0003", EvaluationTitle, "{0} includes {1}, which is not a [Feature] or [Profile] record", EvaluationCategory);
        public static readonly DiagnosticDescriptor NotARecipient = Error("LUX0003", EvaluationTitle, "Recipients lists {0}, which is not an AgeRecipient", EvaluationCategory);

        // ---- LUX0004: a value Nix cannot represent ---------------------------------------------------------------------
        // {n} "reason": why Nix cannot hold the text or number, as Evaluate/NixSyntax says it.

        public static readonly DiagnosticDescriptor IntegerTooLarge = Error("LUX0004", RepresentationTitle, "The number {0} is outside Nix's integers (64-bit signed, at most 9223372036854775807)", EvaluationCategory);
        public static readonly DiagnosticDescriptor NotNixData = Error("LUX0004", RepresentationTitle, "{0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor RawNotNixText = Error("LUX0004", RepresentationTitle, "Nix.Raw: {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor AttributeNameNotNixText = Error("LUX0004", RepresentationTitle, "The attribute name cannot be read by Nix: {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor OptionPathNotNixText = Error("LUX0004", RepresentationTitle, "The option path holds an attribute name Nix cannot read: {0}", EvaluationCategory);
        public static readonly DiagnosticDescriptor FactNotNixText = Error("LUX0004", RepresentationTitle, "{0}.{1}: {2}", EvaluationCategory);
        public static readonly DiagnosticDescriptor UserNameNotPath = Error("LUX0004", RepresentationTitle, "The user {0}: {1}", EvaluationCategory);
        public static readonly DiagnosticDescriptor HostNameNotPath = Error("LUX0004", RepresentationTitle, "The host {0}: {1}", EvaluationCategory);
        public static readonly DiagnosticDescriptor NotANixValue = Error("LUX0004", RepresentationTitle, "{0} is not a Nix value", EvaluationCategory);

        // ---- LUX0005: aspects that include each other ------------------------------------------------------------------

        public static readonly DiagnosticDescriptor IncludeCycle = Error("LUX0005", CycleTitle, "Aspects include each other: {0}; break the cycle", EvaluationCategory);
        public static readonly DiagnosticDescriptor IncludesTooDeep = Error("LUX0005", CycleTitle, "Includes nest deeper than {0}: {1}; an aspect that includes itself with new arguments never ends", EvaluationCategory);
        public static readonly DiagnosticDescriptor TooManyAspects = Error("LUX0005", CycleTitle, "The composition reaches more than {0} aspects, ending with {1}; an aspect that includes itself with new arguments never ends", EvaluationCategory);

        // ---- LUX0006: a Nix file the project does not list -------------------------------------------------------------

        public static readonly DiagnosticDescriptor MissingNixFile = Error("LUX0006", "Nix file not found",
            "{0}: the Nix file '{1}' is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"{1}\" /> to the config project", EvaluationCategory);

        // ---- LUX1001–LUX1008: the SSH recovery policy (Check/SshRecovery, one rule a file) -----------------------------
        // Every message starts "{0}: {1} (SSH recovery): ": the host, and the rule's requirement as its NixOS assertion says it.

        public static readonly DiagnosticDescriptor OpenSshUndefined = Error("LUX1001", OpenSshTitle, OptionUndefined, SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor OpenSshRaw = Error("LUX1001", OpenSshTitle, OptionRaw, SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor OpenSshOther = Error("LUX1001", OpenSshTitle, OptionOther, SshRecovery, SuppressibleTag);

        public static readonly DiagnosticDescriptor PasswordUndefined = Error("LUX1002", PasswordTitle, OptionUndefined, SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor PasswordRaw = Error("LUX1002", PasswordTitle, OptionRaw, SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor PasswordOther = Error("LUX1002", PasswordTitle, OptionOther, SshRecovery, SuppressibleTag);

        public static readonly DiagnosticDescriptor RootLoginUndefined = Error("LUX1003", RootLoginTitle, OptionUndefined, SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor RootLoginRaw = Error("LUX1003", RootLoginTitle, OptionRaw, SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor RootLoginOther = Error("LUX1003", RootLoginTitle, OptionOther, SshRecovery, SuppressibleTag);

        public static readonly DiagnosticDescriptor NoRecoveryUsers = Error("LUX1004", RecoveryUsersTitle, Recovery + "SshRecovery.Users is empty; name the users who recover {0} over SSH: new(Users: [new {2}()])", SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor NoRecoveryUsersNorUsers = Error("LUX1004", RecoveryUsersTitle, Recovery + "SshRecovery.Users is empty, and {0} has no Users; add the users who recover {0} over SSH to both", SshRecovery, SuppressibleTag);

        public static readonly DiagnosticDescriptor RecoveryUserNotOnHost = Error("LUX1005", AccountTitle, Recovery + "{2} is not among {0}'s Users; add new {3}() to Users", SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor RecoveryUserWithoutAccount = Error("LUX1005", AccountTitle, Recovery + "nothing declares the account: {2} is neither a normal nor a system user; set {3} = true in a [PerUser] gate {4} reaches (a feature it includes, or the user's own)", SshRecovery, SuppressibleTag);

        /// <summary>{3}: <see cref="KeyFilesClause"/>.</summary>
        public static readonly DiagnosticDescriptor RecoveryKeysNotSet = Error("LUX1006", AuthorizedKeyTitle, Recovery + "{2} is not set{3}; give {4} AuthorizedSshKeys and include a feature that writes them ({5} = user.AuthorizedSshKeys)", SshRecovery, SuppressibleTag);
        /// <summary>{3}: <see cref="KeyFilesClause"/>.</summary>
        public static readonly DiagnosticDescriptor RecoveryKeysNotPlain = Error("LUX1006", AuthorizedKeyTitle, Recovery + "{2} holds no plain key{3}; give {4} AuthorizedSshKeys and include a feature that writes them ({5} = user.AuthorizedSshKeys)", SshRecovery, SuppressibleTag);

        public static readonly DiagnosticDescriptor NoSopsFact = Error("LUX1007", HostKeyTitle, Recovery + "{0} has no Sops fact; set Sops = new() {{ HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" }}", SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor SopsHostKeyUnset = Error("LUX1007", HostKeyTitle, Recovery + "Sops.HostSshKeyPath is not set; set it to the host key sops decrypts with: HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\"", SshRecovery, SuppressibleTag);

        public static readonly DiagnosticDescriptor SshPortsUnreadable = Error("LUX1008", FirewallTitle, Recovery + "{2} is not a list of port numbers Lux can read; leave it at its default [22] or list the ports sshd listens on", SshRecovery, SuppressibleTag);
        public static readonly DiagnosticDescriptor SshPortsEmpty = Error("LUX1008", FirewallTitle, Recovery + "{2} is empty, so sshd listens on no port; leave it at its default [22] or list the ports sshd listens on", SshRecovery, SuppressibleTag);
        /// <summary>{5}: <see cref="PortsClause"/>; {6}: the statement that allows them on the host.</summary>
        public static readonly DiagnosticDescriptor FirewallClosesSsh = Error("LUX1008", FirewallTitle, Recovery + "this sets {2} = {3} and {4} does not include {5}; set openFirewall to true, or allow the port on the host ({6})", SshRecovery, SuppressibleTag);

        // ---- LUX2001–LUX2007: the fleet's integrity --------------------------------------------------------------------

        public static readonly DiagnosticDescriptor ValueUnderAttributes = Error("LUX2001", ConflictTitle, "{0}: the option '{1}' is set as a value here but is an attribute set elsewhere", Integrity);
        public static readonly DiagnosticDescriptor AttributesUnderValue = Error("LUX2001", ConflictTitle, "{0}: the option '{1}' defines attributes under an option that is set as a value", Integrity);
        public static readonly DiagnosticDescriptor ConflictingValues = Error("LUX2001", ConflictTitle, "{0}: the option '{1}' is defined as {2} here and as {3} at {4}; give one of them priority with Mk.Force or Mk.Default, or remove one", Integrity);
        public static readonly DiagnosticDescriptor ConflictingValuesAtPriority = Error("LUX2001", ConflictTitle, "{0}: the option '{1}' is defined as {2} here and as {3} at {4} (both at priority {5}); remove one, or raise one with Mk.Override", Integrity);

        /// <summary>{1}: the fact's list (Sops.AdminKeyUsers, SshRecovery.Users); {3}: the host's users, or "none".</summary>
        public static readonly DiagnosticDescriptor UserNotOnHost = Error("LUX2002", "User named by a host fact is not on the host",
            "{0}: {1} names {2}, who is not among {0}'s Users ({3}); add new {4}() to Users, or remove it here", Integrity, SuppressibleTag);

        public static readonly DiagnosticDescriptor HostNameClash = Error("LUX2003", DuplicateTitle, "Two hosts are named '{0}' ({1}); host names must be unique: override Name on one of them", Integrity);
        public static readonly DiagnosticDescriptor UserNameClash = Error("LUX2003", DuplicateTitle, "Two users are named '{0}' ({1}); user names are account names and must be unique: override Name on one of them", Integrity);
        public static readonly DiagnosticDescriptor RecipientNameClash = Error("LUX2003", DuplicateTitle, "The secrets policy names two recipients '{0}'; each recipient needs its own name (it is its .sops.yaml anchor)", Integrity);
        public static readonly DiagnosticDescriptor DisplayListedTwice = Error("LUX2003", DuplicateTitle, "{0} lists the display '{1}' more than once; each output has one entry", Integrity);
        public static readonly DiagnosticDescriptor UserListedTwice = Error("LUX2003", DuplicateTitle, "{0} lists the user '{1}' more than once", Integrity);
        public static readonly DiagnosticDescriptor SecretsPolicies = Error("LUX2003", DuplicateTitle, "The fleet has more than one [Secrets] policy ({0}); keep one", Integrity);

        /// <summary>{1}: the key's start; {2}: what is wrong with it, as Check/Integrity/SshPublicKeyFormat says it.</summary>
        public static readonly DiagnosticDescriptor UserKeyMalformed = Error("LUX2004", KeyTitle, "{0}.AuthorizedSshKeys: {1} is not a valid SSH public key: {2}; paste the whole line of the key's .pub file", Integrity, SuppressibleTag);
        /// <summary>{0}: the account; {1}, {2}: as <see cref="UserKeyMalformed"/>.</summary>
        public static readonly DiagnosticDescriptor DefinedKeyMalformed = Error("LUX2004", KeyTitle, "users.users.{0}.openssh.authorizedKeys.keys: {1} is not a valid SSH public key: {2}; paste the whole line of the key's .pub file", Integrity, SuppressibleTag);

        /// <summary>{2}: what is wrong with it, as Check/Integrity/AgeRecipientFormat says it.</summary>
        public static readonly DiagnosticDescriptor MalformedAgeRecipient = Error("LUX2005", "Malformed age recipient",
            "The recipient '{0}' ({1}) is not an age recipient: {2}; copy the 'Public key: age1…' line age-keygen prints, or ssh-to-age's output", Integrity, SuppressibleTag);

        // {n} "kind": which private key, as Check/Integrity/PrivateKeyMaterial names it.
        public static readonly DiagnosticDescriptor PrivateKeyInLiteral = Error("LUX2006", PrivateKeyTitle, "This string holds {0}; " + PrivateKeyAdvice, Integrity);
        public static readonly DiagnosticDescriptor PrivateKeyInDefinition = Error("LUX2006", PrivateKeyTitle, "This defines {0} with {1}; " + PrivateKeyAdvice, Integrity);
        public static readonly DiagnosticDescriptor PrivateKeyAsRecipient = Error("LUX2006", PrivateKeyTitle, "The recipient '{0}' is {1}, not a public key: use the recipient (age1…) that age-keygen prints for it; " + PrivateKeyAdvice, Integrity);
        public static readonly DiagnosticDescriptor PrivateKeyInNixFile = Error("LUX2006", PrivateKeyTitle, "{0}: the Nix file {1} holds {2}; " + PrivateKeyAdvice, Integrity);
        /// <summary>A file, not a place in the config: reported when the compilation ends.</summary>
        public static readonly DiagnosticDescriptor PrivateKeyWithheld = Error("LUX2006", PrivateKeyTitle, "nix-out/{0} would hold private key material, so Lux withholds it; " + PrivateKeyAdvice, Integrity, WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>{1}: why the value is no SSH word (Check/Integrity/DeployTargets).</summary>
        public static readonly DiagnosticDescriptor DeployHostname = Error("LUX2007", DeployTitle, "{0}: Deploy.Hostname {1}; give the address deploy-rs connects to (a DNS name, an IP address or an SSH config Host)", Integrity);
        /// <summary>{1}: why the value is no SSH word (Check/Integrity/DeployTargets).</summary>
        public static readonly DiagnosticDescriptor DeploySshUser = Error("LUX2007", DeployTitle, "{0}: Deploy.SshUser {1}; name the account deploy-rs logs in as, or leave it unset", Integrity);
        /// <summary>{1}: why the value is no SSH word (Check/Integrity/DeployTargets).</summary>
        public static readonly DiagnosticDescriptor DeployUser = Error("LUX2007", DeployTitle, "{0}: Deploy.User {1}; name the account the system profile activates as (usually \"root\")", Integrity);
        public static readonly DiagnosticDescriptor DeploySshUserUnset = Error("LUX2007", DeployTitle, "{0} is recovered over SSH with root login off, so Deploy.SshUser must be set to one of its recovery users ({1}); deploy-rs would otherwise log in as whoever runs it", Integrity);
        public static readonly DiagnosticDescriptor DeploySshUserNotRecovery = Error("LUX2007", DeployTitle, "{0}: Deploy.SshUser is {1}, who is not one of its SSH recovery users ({2}); deploy as a recovery user, whose key-based login the policy keeps", Integrity);

        // ---- LUX3001–LUX3007: the option schemas (Parse/OptionChecks) --------------------------------------------------

        public static readonly DiagnosticDescriptor NotASubmodule = Error("LUX3001", NoOptionTitle, "{0} is an option of type {1} and has no option '{2}'", OptionsCategory);
        /// <summary>{1}: <see cref="SuggestionClause"/>.</summary>
        public static readonly DiagnosticDescriptor NoSuchOption = Error("LUX3001", NoOptionTitle, "No option {0}{1} (for a module Lux has no schema for, use SetUnchecked)", OptionsCategory);
        /// <summary>{3}: <see cref="SuggestionClause"/>.</summary>
        public static readonly DiagnosticDescriptor NoSuchNestedOption = Error("LUX3001", NoOptionTitle, "No option {0}: {1} has no option '{2}'{3} (for a module Lux has no schema for, use SetUnchecked)", OptionsCategory);

        public static readonly DiagnosticDescriptor NullNotAValue = Error("LUX3002", TypeTitle, "{0} is {1}; null is not one of its values", OptionsCategory);
        public static readonly DiagnosticDescriptor WrongOptionType = Error("LUX3002", TypeTitle, "{0} is {1}; {2} is not one of its values", OptionsCategory);

        public static readonly DiagnosticDescriptor OutOfRange = Error("LUX3003", "Integer out of the option's range",
            "{0} is out of range for {1}: {2} to {3}", OptionsCategory);

        public static readonly DiagnosticDescriptor NotAnEnumValue = Error("LUX3004", "Not one of the option's values",
            "\"{0}\" is not a value of {1}: one of {2}", OptionsCategory);

        public static readonly DiagnosticDescriptor ReadOnlyOption = Error("LUX3005", "Read-only option defined",
            "{0} is read-only: the module that declares it sets it", OptionsCategory);

        /// <summary>A warning: the old name still works in NixOS, so the output is complete.</summary>
        public static readonly DiagnosticDescriptor RenamedOption = new("LUX3006", "Option renamed upstream",
            "The option {0} was renamed to {1}; define the new name", OptionsCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "LUX3006.md");

        public static readonly DiagnosticDescriptor RemovedOption = Error("LUX3007", "Option removed upstream",
            "The option {0} was removed upstream; it has no effect in this NixOS", OptionsCategory);

        // ---- Making diagnostics --------------------------------------------------------------------------------------

        /// <summary>A diagnostic of <paramref name="descriptor"/> at <paramref name="span"/>; arguments are written culture-free.</summary>
        public static DiagnosticInfo At(this DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
            new(descriptor, span, arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToEquatableArray());

        /// <summary>The diagnostic with the code fixes it offers, in order (the properties <c>LuxFixes</c> reads).</summary>
        public static DiagnosticInfo WithFixes(this DiagnosticInfo diagnostic, params (string Kind, string Argument)[] fixes)
        {
            for (var i = 0; i < fixes.Length; i++)
                diagnostic = diagnostic.With(LuxFixes.KindKey(i + 1), fixes[i].Kind).With(LuxFixes.ArgumentKey(i + 1), fixes[i].Argument);
            return diagnostic;
        }

        /// <summary>Every descriptor, reported where a document has the cause.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = Declared();

        /// <summary>What the analyzer supports: every descriptor.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Supported => All;

        /// <summary>Whether a user may suppress the finding and still have nix-out written (see <see cref="SuppressibleTag"/>).</summary>
        public static bool IsSuppressible(DiagnosticDescriptor descriptor) => descriptor.CustomTags.Contains(SuppressibleTag);

        /// <summary>
        /// The tag of policy findings a user may knowingly suppress (#pragma, [SuppressMessage], .editorconfig): the output
        /// is still complete and correct Nix, so the writer writes it when an analyzer ran (and reported the suppression).
        /// Everything else (the subset, conflicts, duplicates, private keys) means the output is incomplete or unsafe, and
        /// always blocks.
        /// </summary>
        private const string SuppressibleTag = "LuxSuppressible";

        private static ImmutableArray<DiagnosticDescriptor> Declared()
        {
            var fields = typeof(LuxDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static);
            return fields.Select(f => f.GetValue(null)).SelectMany(v => v switch
                {
                    DiagnosticDescriptor descriptor => new[] { descriptor },
                    _ => Array.Empty<DiagnosticDescriptor>(),
                })
                .OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        // ---- Clauses: the few arguments with several wordings ---------------------------------------------------------

        /// <summary>Which priority won, said only when it is not the plain one: " (it wins at priority 50)".</summary>
        public static string PriorityClause(int priority, int plainPriority) =>
            priority == plainPriority ? "" : " (it wins at priority " + priority.ToString(CultureInfo.InvariantCulture) + ")";

        /// <summary>Why keyFiles do not help, when some are defined.</summary>
        public static string KeyFilesClause(bool keyFilesDefined) => keyFilesDefined ? " (keyFiles do not count: they are read at build time)" : "";

        /// <summary>"port 22", or "any of the ports 22, 2222".</summary>
        public static string PortsClause(IReadOnlyList<long> ports) =>
            (ports.Count == 1 ? "port " : "any of the ports ") + string.Join(", ", ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));

        /// <summary>"; did you mean a or b?", or nothing when no known name is near.</summary>
        public static string SuggestionClause(IReadOnlyList<string> nearest) =>
            nearest.Count == 0 ? "" : "; did you mean " + string.Join(" or ", nearest) + "?";

        private const string PrivateKeyAdvice =
            "private keys never go into the config: keep them in a SOPS secret or provision them out of band (nixos-anywhere --extra-files), and reference their path";

        // ---- The IDs: title, category, severity --------------------------------------------------------------------

        private const string InternalErrorFormat =
            "Lux failed internally while {0} ({1}: {2}); nix-out is not written. Please report this with the config that caused it.";

        private const string InternalTitle = "Lux failed internally";
        private const string OpenSshTitle = "SSH recovery: OpenSSH must be enabled";
        private const string PasswordTitle = "SSH recovery: password authentication must be disabled";
        private const string RootLoginTitle = "SSH recovery: root login must be disabled";
        private const string RecoveryUsersTitle = "SSH recovery: at least one recovery user";
        private const string AccountTitle = "SSH recovery: every recovery user must exist on the host";
        private const string AuthorizedKeyTitle = "SSH recovery: every recovery user must have a plain authorized SSH key";
        private const string HostKeyTitle = "SSH recovery: the SOPS SSH host key path must be set";
        private const string FirewallTitle = "SSH recovery: SSH must be reachable through the firewall";

        private const string ShapeTitle = "Stage gate or record with the wrong shape";
        private const string EvaluationTitle = "Config cannot be evaluated";
        private const string RepresentationTitle = "Value Nix cannot represent";
        private const string CycleTitle = "Aspects include each other";
        private const string ConflictTitle = "Conflicting option definitions";
        private const string DuplicateTitle = "Duplicate name";
        private const string KeyTitle = "Malformed SSH public key";
        private const string PrivateKeyTitle = "Private key material in the config";
        private const string DeployTitle = "Deploy fact deploy-rs cannot act on";
        private const string NoOptionTitle = "No such option";
        private const string TypeTitle = "Value not of the option's type";

        // The SSH recovery policy's messages all start with the host and the rule's requirement.
        private const string Recovery = "{0}: {1} (SSH recovery): ";

        // LUX1001–LUX1003: a rule that wants one option to hold one value (Check/SshRecovery/RequiredOptionRule). {2}: the option's
        // Nix path. Undefined: {3} the upstream default, {4} = {5} the C# that sets the wanted value. Raw (raw Nix defines it): {3} the
        // Nix, {4} PriorityClause, {5} the wanted value in C#. Other (another value): {3} the value in Nix, {4} what it means where
        // that needs saying, {5} PriorityClause, {6} the wanted value in C#.
        private const string OptionUndefined = Recovery + "nothing defines {2}, so the upstream default {3} applies; set {4} = {5} in a feature {0} includes, or on the host";
        private const string OptionRaw = Recovery + "this defines {2} as the Nix expression '{3}', which Lux cannot check at compile time{4}; set it to {5}";
        private const string OptionOther = Recovery + "this sets {2} = {3}{4}{5}; set it to {6}";

        // Each descriptor is made here, in its field's initializer with its ID as a constant, where release tracking
        // (AnalyzerReleases.*.md) finds it.
        private const string HelpBase = "docs/diagnostics/";

        private static DiagnosticDescriptor Error(string id, string title, string format, string category, params string[] customTags) =>
            new(id, title, format, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md", customTags: customTags);
    }
}
